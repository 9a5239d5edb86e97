package org.trainset.testkit.text;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded Korean-looking sentences for tests and benchmarks: eojeol of 1–4 Hangul syllables drawn
 * from a Zipf-like vocabulary, 18–26 eojeol a sentence (the seed's corpus averages ≥ 20), and
 * planted near duplicates made by editing an earlier sentence (syllable substitutions, an eojeol
 * dropped or inserted) so their similarity spreads over roughly 0.6–1.0. Same seed, same corpus.
 */
public final class KoreanCorpusGenerator {
  private final SplittableRandom random;
  private final String[] vocabulary;

  public KoreanCorpusGenerator(long seed) {
    this.random = new SplittableRandom(seed);
    this.vocabulary = new String[20_000];
    for (int w = 0; w < vocabulary.length; w++) vocabulary[w] = word();
  }

  /** A sentence; {@code planted} = true when it copies an earlier one with edits. */
  public record Sentence(String id, String text, int copiedFrom) {}

  /**
   * {@code count} sentences with ids {@code s0000001...}; a fraction {@code plantedShare} of them
   * are edited copies of earlier sentences (copiedFrom = that index, else -1).
   */
  public List<Sentence> corpus(int count, double plantedShare) {
    List<Sentence> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String id = String.format("s%07d", i + 1);
      if (i > 10 && random.nextDouble() < plantedShare) {
        int from = random.nextInt(i);
        out.add(new Sentence(id, edit(out.get(from).text()), from));
      } else {
        out.add(new Sentence(id, sentence(), -1));
      }
    }
    return out;
  }

  public String sentence() {
    int words = 18 + random.nextInt(9);
    StringBuilder sb = new StringBuilder(words * 4);
    for (int w = 0; w < words; w++) {
      if (w > 0) sb.append(' ');
      sb.append(vocabulary[zipf()]);
    }
    sb.append('.');
    return sb.toString();
  }

  /** 0–5 syllable substitutions plus, sometimes, an eojeol dropped or inserted. */
  public String edit(String text) {
    StringBuilder sb = new StringBuilder(text);
    int subs = random.nextInt(6);
    for (int k = 0; k < subs; k++) {
      int pos = random.nextInt(sb.length());
      if (isHangul(sb.charAt(pos))) sb.setCharAt(pos, syllable());
    }
    String s = sb.toString();
    double r = random.nextDouble();
    if (r < 0.25) {
      String[] w = s.split(" ");
      int drop = random.nextInt(w.length);
      StringBuilder t = new StringBuilder();
      for (int k = 0; k < w.length; k++) if (k != drop) t.append(t.length() > 0 ? " " : "").append(w[k]);
      s = t.toString();
    } else if (r < 0.5) {
      int sp = s.indexOf(' ', random.nextInt(s.length()));
      if (sp > 0) s = s.substring(0, sp) + " " + vocabulary[zipf()] + s.substring(sp);
    }
    return s;
  }

  private int zipf() {
    // Inverse-CDF of a 1/x density: frequent short words, a long tail.
    return (int) Math.min(vocabulary.length - 1, Math.exp(random.nextDouble() * Math.log(vocabulary.length)) - 1);
  }

  private String word() {
    int len = 1 + random.nextInt(4);
    StringBuilder sb = new StringBuilder(len);
    for (int k = 0; k < len; k++) sb.append(syllable());
    return sb.toString();
  }

  private char syllable() {
    // Common syllables: initial consonant × vowel with an optional final from a short list.
    int initial = random.nextInt(19), vowel = random.nextInt(21);
    int[] finals = {0, 0, 0, 4, 8, 16, 17, 21};
    int fin = finals[random.nextInt(finals.length)];
    return (char) (0xAC00 + (initial * 21 + vowel) * 28 + fin);
  }

  private static boolean isHangul(char c) {
    return c >= 0xAC00 && c <= 0xD7A3;
  }
}
