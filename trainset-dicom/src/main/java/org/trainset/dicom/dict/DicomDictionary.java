package org.trainset.dicom.dict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trainset.dicom.io.Tags;
import org.trainset.dicom.io.Vr;

/**
 * The DICOM data dictionary (tag → VR, keyword, VM), loaded from {@code dictionary.tsv}, which
 * scripts/dicom/gen-dictionary.sh generates from dcmtk's {@code dicom.dic}. Repeating groups
 * such as {@code (60xx,0010)} are matched as masks.
 */
public final class DicomDictionary {
  /** One dictionary row. */
  public record Entry(int tag, Vr vr, String keyword, String vm, boolean retired) {}

  private record Masked(int mask, int value, Entry entry) {}

  private static final DicomDictionary STANDARD = load();
  private final Map<Integer, Entry> exact = new HashMap<>();
  private final Map<String, Entry> byKeyword = new HashMap<>();
  private final List<Masked> masked = new ArrayList<>();

  private DicomDictionary() {}

  public static DicomDictionary standard() {
    return STANDARD;
  }

  public Optional<Entry> find(int tag) {
    Entry e = exact.get(tag);
    if (e == null) {
      for (Masked m : masked) {
        if ((tag & m.mask) == m.value) return Optional.of(m.entry);
      }
    }
    return Optional.ofNullable(e);
  }

  /** The VR for an element read in implicit VR: dictionary VR, LO for private creators, else UN. */
  public Vr vrOf(int tag) {
    if (Tags.element(tag) == 0) return Vr.UL;
    if (Tags.isPrivateCreator(tag)) return Vr.LO;
    if (Tags.isPrivate(tag)) return Vr.UN;
    return find(tag).map(Entry::vr).orElse(Vr.UN);
  }

  public String keyword(int tag) {
    return find(tag).map(Entry::keyword).orElse(Tags.isPrivate(tag) ? "Private" : "Unknown");
  }

  public Optional<Entry> byKeyword(String keyword) {
    return Optional.ofNullable(byKeyword.get(keyword));
  }

  public int size() {
    return exact.size() + masked.size();
  }

  private static DicomDictionary load() {
    DicomDictionary d = new DicomDictionary();
    try (InputStream in = DicomDictionary.class.getResourceAsStream("dictionary.tsv");
         BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("#") || line.isBlank()) continue;
        String[] f = line.split("\t", -1);
        String t = f[0];
        int mask = 0;
        int value = 0;
        for (int i = 0; i < 8; i++) {
          char c = t.charAt(i);
          mask <<= 4;
          value <<= 4;
          if (c != 'x') {
            mask |= 0xF;
            value |= Character.digit(c, 16);
          }
        }
        Entry e = new Entry(value, Vr.valueOf(f[1]), f[2], f[3], "R".equals(f[4]));
        if (mask == -1) d.exact.put(value, e);
        else d.masked.add(new Masked(mask, value, e));
        d.byKeyword.putIfAbsent(e.keyword(), e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return d;
  }
}
