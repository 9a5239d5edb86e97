package org.trainset.families.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Makes a zip-based file (xlsx) byte-reproducible: every entry gets the same fixed time, and
 * named text entries can be rewritten (fastexcel stamps docProps/core.xml with the current
 * time, which would make two runs with the same seed differ).
 */
public final class ReproducibleZip {
  /** 2020-02-26 00:00 (local DOS time), the date in the corpus's release file names. */
  private static final long FIXED_TIME = 1582675200000L;

  private ReproducibleZip() {}

  /** Rewrites {@code file} in place, passing the text of {@code entryName} through {@code edit}. */
  public static void normalise(Path file, String entryName, UnaryOperator<String> edit) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".rezip");
    try (ZipFile zip = new ZipFile(file.toFile());
         OutputStream rawOut = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(rawOut)) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTime(FIXED_TIME);
        out.putNextEntry(copy);
        try (InputStream in = zip.getInputStream(e)) {
          if (e.getName().equals(entryName)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            out.write(edit.apply(text).getBytes(StandardCharsets.UTF_8));
          } else {
            in.transferTo(out);
          }
        }
        out.closeEntry();
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
  }

  /** An xlsx with its creation stamp fixed. */
  public static void normaliseXlsx(Path file) throws IOException {
    normalise(file, "docProps/core.xml",
        xml -> xml.replaceAll("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", "$12020-02-26T00:00:00Z$2")
            .replaceAll("(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", "$12020-02-26T00:00:00Z$2"));
  }
}
