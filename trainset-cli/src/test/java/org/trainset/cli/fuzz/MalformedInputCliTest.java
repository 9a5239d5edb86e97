package org.trainset.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;

/**
 * The breaks issue 17's fuzz run found, one by one through {@code trainset stats}: each is exit 3
 * with one line naming the damaged file (checked by the fuzz test's contract) and saying what is
 * wrong.
 */
class MalformedInputCliTest {
  @TempDir Path tmp;

  private Path sample(String family) {
    Path out = tmp.resolve(family);
    Cli.Result r = Cli.run("sample", family, "--out", out.toString(), "--items", "3", "-q");
    assertEquals(0, r.exitCode(), r.toString());
    return out;
  }

  private Path converted(String to) {
    Path out = tmp.resolve(to);
    Cli.Result r = Cli.run("convert", sample("aihub.objects").toString(), "--to", to, "--out", out.toString(), "-q");
    assertTrue(r.exitCode() <= 1, r.toString());
    return out;
  }

  private static Path first(Path root, String suffix) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().findFirst().orElseThrow();
    }
  }

  private static void assertInputError(Path dataset, String format, Path victim, String expected) {
    Cli.Result r = Cli.run("stats", dataset.toString(), "--format", format, "-q");
    assertEquals(3, r.exitCode(), r.toString());
    assertNull(MalformedInputFuzzTest.contractBroken(r, victim, dataset), r.toString());
    assertTrue(r.err().contains(victim.getFileName().toString()) && r.err().contains(expected), r.toString());
  }

  @Test void invalidUtf8InAYoloLabelFileNamesTheFileAndLine() throws Exception {
    Path ds = converted("yolo");
    Path txt = first(ds.resolve("labels"), ".txt");
    Files.write(txt, new byte[] {'0', ' ', '0', '.', '5', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
    assertInputError(ds, "yolo", txt, ":2: text-encoding: not valid UTF-8 text");
  }

  @Test void junkAfterTheXmlRootIsRejectedInVocAndCvat() throws Exception {
    Path voc = converted("voc");
    Path xml = first(voc.resolve("Annotations"), ".xml");
    Files.writeString(xml, Files.readString(xml) + "<annotation><filename>x.jpg</filename></annotation>\n");
    assertInputError(voc, "voc", xml, "xml");
    Path cvat = converted("cvat");
    Path ann = first(cvat, ".xml");
    Files.writeString(ann, Files.readString(ann) + "\ntrailing junk\n");
    assertInputError(cvat, "cvat", ann, "xml");
  }

  @Test void anEmptyVocAnnotationFileIsStillVocAndAnInputError() throws Exception {
    Path voc = converted("voc");
    Path xml = first(voc.resolve("Annotations"), ".xml");
    Files.write(xml, new byte[0]);
    Cli.Result detect = Cli.run("detect", voc.toString());
    assertEquals("voc", detect.firstLine(), detect.toString());
    Cli.Result r = Cli.run("stats", voc.toString(), "-q");
    assertEquals(3, r.exitCode(), r.toString());
    assertNull(MalformedInputFuzzTest.contractBroken(r, xml, voc), r.toString());
  }

  @Test void junkAfterTheOcrJsonDocumentIsRejected() throws Exception {
    Path ocr = sample("aihub.ocr");
    Path json = first(ocr, ".json");
    Files.writeString(json, Files.readString(json) + "\n{\"images\": []}\n");
    assertInputError(ocr, "aihub.ocr", json, "content after the JSON document");
  }

  @Test void anOverLongJsonStringNamesTheOptionThatRaisesTheLimit() throws Exception {
    Path ocr = sample("aihub.ocr");
    Path json = first(ocr, ".json");
    String text = Files.readString(json);
    int at = text.indexOf("\"file_name\""); // inside the first image, which the reader reads whole
    Files.writeString(json, text.substring(0, at) + "\"note\": \"" + "x".repeat(5_000) + "\", " + text.substring(at));
    Cli.Result r = Cli.run("stats", ocr.toString(), "--format", "aihub.ocr", "--max-string-length", "1000", "-q");
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("max-string-length: a string is longer than the limit of 1000 characters (--max-string-length raises it)"), r.toString());
    assertTrue(r.err().length() < 400 && !r.err().contains("StreamReadConstraints"), r.toString());
  }

  @Test void anMp4BoxWithAHuge64BitSizeIsAnInputError() throws Exception {
    Path cctv = sample("aihub.cctv");
    Path mp4 = first(cctv, ".mp4");
    byte[] b = Files.readAllBytes(mp4);
    int second = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    byte[] huge = {0, 0, 0, 1};
    System.arraycopy(huge, 0, b, second, 4);
    byte[] largeSize = {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0};
    System.arraycopy(largeSize, 0, b, second + 8, 8);
    Files.write(mp4, b);
    assertInputError(cctv, "aihub.cctv", mp4, "mp4-box");
  }

  @Test void corruptDeflateDataInAnXlsxSheetIsAnInputError() throws Exception {
    Path corpus = sample("aihub.corpus");
    Path xlsx = first(corpus, ".xlsx");
    byte[] b = Files.readAllBytes(xlsx);
    int data = sheetData(b);
    for (int i = data + 8; i < Math.min(b.length, data + 40); i++) b[i] = (byte) 0xFF;
    Files.write(xlsx, b);
    assertInputError(corpus, "aihub.corpus", xlsx, "xlsx");
  }

  /** Where the compressed bytes of the first worksheet entry start (its local file header). */
  private static int sheetData(byte[] b) {
    for (int i = 0; i + 30 < b.length; i++) {
      if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 3 && b[i + 3] == 4) {
        int nameLen = (b[i + 26] & 0xff) | (b[i + 27] & 0xff) << 8;
        int extraLen = (b[i + 28] & 0xff) | (b[i + 29] & 0xff) << 8;
        String name = new String(b, i + 30, nameLen, StandardCharsets.UTF_8);
        if (name.startsWith("xl/worksheets/")) return i + 30 + nameLen + extraLen;
      }
    }
    throw new AssertionError("no worksheet entry: " + List.of());
  }
  /**
   * A VOC file in another encoding than UTF-8: read as declared when it is valid (a Korean label
   * in EUC-KR, UTF-16 with a byte-order mark), and a byte that is not valid in it is one line
   * naming the file, the line and the encoding, not the JDK parser's "[Fatal Error]" line first
   * (US-ASCII, UTF-16) nor a silent U+FFFD in the label (EUC-KR).
   */
  @Test void xmlInOtherEncodingsIsDecodedStrictly() throws Exception {
    Path voc = converted("voc");
    Path xml = first(voc.resolve("Annotations"), ".xml");
    String text = Files.readString(xml).replaceFirst("^<\\?xml[^>]*>\\s*", "");
    String name = text.substring(text.indexOf("<name>") + 6, text.indexOf("</name>"));
    String korean = text.replace("<name>" + name + "</name>", "<name>사람</name>");
    int nameLine = (int) korean.substring(0, korean.indexOf("<name>")).chars().filter(c -> c == '\n').count() + 2;

    Files.write(xml, ("<?xml version=\"1.0\" encoding=\"EUC-KR\"?>\n" + korean).getBytes("EUC-KR"));
    Cli.Result ok = Cli.run("stats", voc.toString(), "--format", "voc", "--json", "-q");
    assertEquals(0, ok.exitCode(), ok.toString());
    assertTrue(ok.out().contains("사람"), ok.toString());

    byte[] bom = {(byte) 0xFF, (byte) 0xFE};
    byte[] utf16 = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + korean).getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[bom.length + utf16.length];
    System.arraycopy(bom, 0, withBom, 0, 2);
    System.arraycopy(utf16, 0, withBom, 2, utf16.length);
    Files.write(xml, withBom);
    ok = Cli.run("stats", voc.toString(), "--format", "voc", "--json", "-q");
    assertEquals(0, ok.exitCode(), ok.toString());
    assertTrue(ok.out().contains("사람"), ok.toString());

    String bad = "<?xml version=\"1.0\" encoding=\"EUC-KR\"?>\n" + korean.replace("사람", "BAD");
    byte[] euckr = bad.getBytes("EUC-KR");
    int at = bad.indexOf("BAD");
    euckr[at + 1] = (byte) 0xFF;
    euckr[at + 2] = (byte) 0xFF;
    Files.write(xml, euckr);
    assertInputError(voc, "voc", xml, ":" + nameLine + ": text-encoding: not valid EUC-KR text");

    Files.write(xml, ("<?xml version=\"1.0\" encoding=\"US-ASCII\"?>\n" + korean).getBytes(StandardCharsets.UTF_8));
    assertInputError(voc, "voc", xml, ":" + nameLine + ": text-encoding: not valid US-ASCII text");

    Files.writeString(xml, "<?xml version=\"1.0\" encoding=\"X-NO-SUCH-9\"?>\n" + korean);
    assertInputError(voc, "voc", xml, "xml-encoding: encoding 'X-NO-SUCH-9'");
  }
}
