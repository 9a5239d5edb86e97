import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trainset.testkit.text.KoreanCorpusGenerator;

/**
 * N generated Korean sentences with planted near duplicates (TextDedupBench's generator and
 * settings) as a text TSV. Usage: java -cp trainset.jar:trainset-testkit.jar bench/spark/GenerateText.java OUT.tsv N
 */
public class GenerateText {
  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[1]);
    try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
      w.write("id\tsource\ttarget\n");
      for (KoreanCorpusGenerator.Sentence s : new KoreanCorpusGenerator(2024).corpus(n, 0.10)) {
        w.write(s.id() + "\t" + s.text() + "\t-\n");
      }
    }
  }
}
