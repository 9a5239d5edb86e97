package org.trainset.dicom.deid;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.trainset.core.io.InputException;

/**
 * The private attributes that Retain Safe Private keeps (PS3.15 E.3.10): a list the user vets per
 * vendor, as {@code private_creator,group,element} lines ({@code SIEMENS MED,0019,0c}: the element
 * is the byte within the creator's block). A header line and {@code #} comments are allowed.
 */
public final class SafePrivate {
  /** One safe attribute: creator, odd group, element byte within the block. */
  public record Entry(String creator, int group, int element) {}

  private final Set<Entry> entries;

  public SafePrivate(Set<Entry> entries) {
    this.entries = Set.copyOf(entries);
  }

  public static SafePrivate none() {
    return new SafePrivate(Set.of());
  }

  public static SafePrivate load(Path csv) throws IOException {
    Set<Entry> out = new HashSet<>();
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      int n = 0;
      for (String line; (line = r.readLine()) != null; ) {
        n++;
        if (line.isBlank() || line.startsWith("#") || (n == 1 && line.toLowerCase().startsWith("private_creator"))) continue;
        String[] f = line.split(",", -1);
        try {
          if (f.length != 3) throw new NumberFormatException("3 fields");
          int group = Integer.parseInt(f[1].strip(), 16);
          int element = Integer.parseInt(f[2].strip(), 16);
          if ((group & 1) == 0 || element > 0xFF) throw new NumberFormatException("odd group, element 00-ff");
          out.add(new Entry(f[0].strip(), group, element));
        } catch (NumberFormatException e) {
          throw new InputException(csv, n, 1, null, "deid.safe-private",
              "expected private_creator,group,element (hex, odd group, element 00-ff), got '"
                  + (line.length() > 80 ? line.substring(0, 80) + "…" : line) + "'", null);
        }
      }
    }
    return new SafePrivate(out);
  }

  /** True when the attribute of {@code creator} at (group, element byte) is on the list. */
  public boolean contains(String creator, int group, int element) {
    return entries.contains(new Entry(creator.strip(), group, element));
  }

  /** True when any attribute of this creator's block in {@code group} is on the list. */
  public boolean hasCreator(String creator, int group) {
    for (Entry e : entries) if (e.group() == group && e.creator().equals(creator.strip())) return true;
    return false;
  }

  public int size() {
    return entries.size();
  }
}
