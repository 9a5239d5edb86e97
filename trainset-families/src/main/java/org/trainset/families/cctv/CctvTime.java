package org.trainset.families.cctv;

import java.util.Locale;

/**
 * Clip times as the XML writes them: {@code HH:MM:SS.s}, {@code HH:MM:SS}, {@code MM:SS(.s)} or
 * plain seconds. Parsing returns seconds; null means "not a time".
 */
public final class CctvTime {
  private CctvTime() {}

  public static Double parse(String text) {
    if (text == null) return null;
    String t = text.strip();
    if (t.isEmpty()) return null;
    String[] parts = t.split(":", -1);
    if (parts.length > 3) return null;
    try {
      double seconds = 0;
      for (int i = 0; i < parts.length; i++) {
        String p = parts[i].strip();
        if (p.isEmpty() || p.startsWith("-") || p.startsWith("+")) return null;
        boolean last = i == parts.length - 1;
        double v = last ? Double.parseDouble(p) : Long.parseLong(p);
        if (!last && parts.length > 1 && i > 0 && v >= 60) return null;
        if (last && parts.length > 1 && v >= 60) return null;
        seconds = seconds * 60 + v;
      }
      return Double.isFinite(seconds) ? seconds : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code HH:MM:SS.s} with one decimal, the release's long form. */
  public static String format(double seconds) {
    long tenths = Math.round(seconds * 10);
    long h = tenths / 36000;
    long m = (tenths / 600) % 60;
    long s = (tenths / 10) % 60;
    return String.format(Locale.ROOT, "%02d:%02d:%02d.%d", h, m, s, tenths % 10);
  }

  /** {@code MM:SS}, the release's short form (whole seconds). */
  public static String formatShort(double seconds) {
    long whole = Math.round(seconds);
    return String.format(Locale.ROOT, "%02d:%02d", whole / 60, whole % 60);
  }
}
