package org.trainset.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.testkit.PythonOracle;

/**
 * Issue 17 item 10, the xlsx breaks the fuzz run left open: an entry whose data fails its CRC, an
 * entry that declares a huge uncompressed size, and a 70-million-character shared string were
 * accepted (exit 0). Each is now exit 3, one line naming the workbook, the entry and the limit.
 * The damaged workbooks are made with Python's zipfile from a sample corpus.
 */
class DamagedXlsxCliTest {
  @TempDir Path tmp;

  private Path corpusWith(String damage) throws Exception {
    Path out = tmp.resolve(damage);
    Cli.Result r = Cli.run("sample", "aihub.corpus", "--out", out.toString(), "--items", "3", "-q");
    assertEquals(0, r.exitCode(), r.toString());
    Path xlsx;
    try (Stream<Path> s = Files.walk(out)) {
      xlsx = s.filter(p -> p.toString().endsWith(".xlsx")).sorted().findFirst().orElseThrow();
    }
    PythonOracle.run("""
        import json, sys, zipfile, struct, re
        req = json.load(sys.stdin)
        path, damage = req['path'], req['damage']
        src = zipfile.ZipFile(path)
        entries = [(i, src.read(i.filename)) for i in src.infolist()]
        src.close()
        with zipfile.ZipFile(path, 'w') as z:
            for info, data in entries:
                if damage == 'crc' and info.filename.startswith('xl/worksheets/'):
                    info.compress_type = zipfile.ZIP_STORED
                    z.writestr(info, data)
                elif damage == 'shared-string' and info.filename == 'xl/sharedStrings.xml':
                    # one shared string of 70 million characters ...
                    text = data.decode('utf-8').replace('</sst>', '<si><t>' + 'x' * 70_000_000 + '</t></si></sst>')
                    z.writestr(info.filename, text, zipfile.ZIP_DEFLATED)
                elif damage == 'shared-string' and info.filename.startswith('xl/worksheets/'):
                    # ... used by the first text cell
                    text = re.sub(r'<c r="B2" t="inlineStr"><is><t>.*?</t></is></c>', '<c r="B2" t="s"><v>0</v></c>',
                                  data.decode('utf-8'), count=1)
                    z.writestr(info, text)
                else:
                    z.writestr(info, data)
        b = bytearray(open(path, 'rb').read())
        if damage == 'crc':
            # flip one byte of the stored worksheet's data: it still parses, only the CRC tells
            i = 0
            while True:
                i = b.index(b'PK\\x03\\x04', i)
                n, m = struct.unpack('<HH', b[i + 26:i + 30])
                if b[i + 30:i + 30 + n].startswith(b'xl/worksheets/'):
                    data = i + 30 + n + m
                    j = b.index(b'<v>', data) + 3
                    b[j] = ord('7') if b[j] != ord('7') else ord('8')
                    break
                i += 4
        if damage == 'huge-size':
            i = b.index(b'PK\\x01\\x02')
            while True:
                n = struct.unpack('<H', b[i + 28:i + 30])[0]
                if b[i + 46:i + 46 + n].startswith(b'xl/worksheets/'):
                    b[i + 24:i + 28] = struct.pack('<I', 0xFFFFFFF0)
                    break
                i = b.index(b'PK\\x01\\x02', i + 4)
        open(path, 'wb').write(bytes(b))
        print('{}')
        """, Map.of("path", xlsx.toString(), "damage", damage));
    return xlsx;
  }

  private void assertRefused(String damage, String expected) throws Exception {
    Path xlsx = corpusWith(damage);
    Path dataset = tmp.resolve(damage);
    Cli.Result r = Cli.run("stats", dataset.toString(), "--format", "aihub.corpus", "-q");
    assertEquals(3, r.exitCode(), r.toString());
    assertNull(MalformedInputFuzzTest.contractBroken(r, xlsx, dataset), r.toString());
    assertTrue(r.err().contains(xlsx.getFileName().toString()) && r.err().contains(expected), r.toString());
  }

  @Test void anEntryThatFailsItsCrcIsRefused() throws Exception {
    assertRefused("crc", "zip-crc: entry 'xl/worksheets/");
  }

  @Test void anEntryDeclaringAHugeSizeIsRefusedWithTheLimit() throws Exception {
    assertRefused("huge-size", "declares 4294967280 bytes");
  }

  @Test void aSeventyMillionCharacterSharedStringIsOverTheStringLimit() throws Exception {
    assertRefused("shared-string", "max-string-length: entry 'xl/sharedStrings.xml' holds a string longer than the limit of 67108864");
  }
}
