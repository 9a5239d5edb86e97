package org.trainset.dicom.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A data set or sequence item: elements in ascending tag order. Text values are decoded with
 * the Specific Character Set in force (this object's, else the enclosing one's).
 */
public final class DicomObject {
  private final TreeMap<Integer, DicomElement> elements = new TreeMap<>(Integer::compareUnsigned);
  private DicomObject parent;
  private long sourceOffset = -1;

  public DicomObject() {}

  /**
   * For a sequence item read from a file: the byte offset of its item tag from the start of the
   * file (what DICOMDIR offsets point at); -1 otherwise.
   */
  public long sourceOffset() {
    return sourceOffset;
  }

  void sourceOffset(long offset) {
    this.sourceOffset = offset;
  }

  public DicomObject(DicomObject parent) {
    this.parent = parent;
  }

  public DicomObject parent() {
    return parent;
  }

  void setParent(DicomObject p) {
    this.parent = p;
  }

  public Collection<DicomElement> elements() {
    return elements.values();
  }

  public int size() {
    return elements.size();
  }

  public Optional<DicomElement> get(int tag) {
    return Optional.ofNullable(elements.get(tag));
  }

  public boolean contains(int tag) {
    return elements.containsKey(tag);
  }

  public void put(DicomElement e) {
    if (e.isSequence()) e.items().forEach(i -> i.setParent(this));
    elements.put(e.tag(), e);
  }

  public DicomElement remove(int tag) {
    return elements.remove(tag);
  }

  /** The character set in force for this object. */
  public SpecificCharacterSet characterSet() {
    DicomElement cs = elements.get(Tags.SPECIFIC_CHARACTER_SET);
    if (cs != null) return SpecificCharacterSet.of(new String(cs.bytes(), StandardCharsets.US_ASCII));
    return parent == null ? SpecificCharacterSet.DEFAULT : parent.characterSet();
  }

  /** The whole text value (all values joined with backslash), trailing padding removed. */
  public Optional<String> string(int tag) {
    DicomElement e = elements.get(tag);
    if (e == null || e.isSequence() || e.isEncapsulated() || !e.vr().isString()) return Optional.empty();
    byte[] b = e.bytes();
    String s = e.vr().usesCharacterSet() ? characterSet().decode(b) : new String(b, StandardCharsets.ISO_8859_1);
    return Optional.of(trimPadding(s, e.vr()));
  }

  public List<String> strings(int tag) {
    return string(tag).map(s -> List.of(s.split("\\\\", -1))).orElse(List.of());
  }

  public int intValue(int tag, int fallback) {
    DicomElement e = elements.get(tag);
    return e == null ? fallback : (int) e.number(fallback);
  }

  public double doubleValue(int tag, double fallback) {
    DicomElement e = elements.get(tag);
    return e == null ? fallback : e.number(fallback);
  }

  /** Sets a text value, encoded with this object's character set. */
  public void putString(int tag, Vr vr, String value) {
    byte[] b = vr.usesCharacterSet() ? characterSet().encode(value) : value.getBytes(StandardCharsets.US_ASCII);
    put(DicomElement.of(tag, vr, b));
  }

  public void putUShort(int tag, int... values) {
    ByteBuffer bb = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) bb.putShort((short) v);
    put(DicomElement.of(tag, Vr.US, bb.array()));
  }

  public List<DicomObject> items(int tag) {
    DicomElement e = elements.get(tag);
    return e == null || !e.isSequence() ? List.of() : e.items();
  }

  public void putSequence(int tag, List<DicomObject> items) {
    put(DicomElement.sequence(tag, new ArrayList<>(items)));
  }

  /** PS3.5 6.2: trailing spaces and NULs are padding; leading spaces too, except in text VRs. */
  private static String trimPadding(String s, Vr vr) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) end--;
    int start = 0;
    boolean leadingSignificant = vr == Vr.UT || vr == Vr.LT || vr == Vr.ST || vr == Vr.UC;
    while (!leadingSignificant && start < end && s.charAt(start) == ' ') start++;
    return s.substring(start, end);
  }
}
