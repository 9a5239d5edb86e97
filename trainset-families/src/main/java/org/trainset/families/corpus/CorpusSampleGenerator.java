package org.trainset.families.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.sample.SampleGenerator;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.sample.SampleSummary;
import org.trainset.core.sample.SampleSummary.PlantedDefect;
import org.trainset.families.samples.ReproducibleZip;

/**
 * Writes the corpus's release layout: {@code 1_구어체(1)_200226.xlsx}, {@code 2_대화체.xlsx},
 * {@code 3_문어체_뉴스(1).xlsx} and {@code (2)} (one domain split over files, numbering
 * continuing), {@code 4_문어체_한국문화.xlsx}, {@code 5_문어체_조례.xlsx},
 * {@code 6_문어체_지자체웹사이트.xlsx}, items shared out in the release's proportions.
 * Defects: omitted translations, untranslated rows, duplicated sources, numbers that differ
 * between source and translation.
 */
public final class CorpusSampleGenerator implements SampleGenerator {
  private static final CorpusDomain[] DOMAINS = {CorpusDomain.SPOKEN, CorpusDomain.DIALOGUE, CorpusDomain.NEWS,
      CorpusDomain.CULTURE, CorpusDomain.ORDINANCE, CorpusDomain.MUNICIPAL};
  /** Release sizes in thousands of pairs: spoken 400, dialogue 100, news 800, others 100 each. */
  private static final int[] WEIGHTS = {4, 1, 8, 1, 1, 1};
  private static final List<String> OUTLETS = List.of("연합뉴스", "한국경제", "매일경제", "머니투데이", "뉴시스");
  private static final List<String> CATEGORIES = List.of("문화", "경제", "정치", "스포츠", "IT", "국제", "지역", "사회");
  private static final List<String> CITIES = List.of("서울특별시", "부산광역시", "대구광역시", "수원시", "제주특별자치도");

  @Override public String formatId() { return CorpusFlavor.XLSX.formatId(); }

  @Override public SampleSummary generate(Path outDir, SampleOptions options) throws IOException {
    Random rnd = new Random(options.seed());
    Map<CorpusDomain, Integer> counts = allocate(options.items());
    List<PlantedDefect> defects = new ArrayList<>();
    DefectPlan plan = new DefectPlan(options, rnd);
    try (AtomicOutput out = AtomicOutput.directory(outDir)) {
      for (CorpusDomain d : DOMAINS) {
        int n = counts.getOrDefault(d, 0);
        if (n == 0) continue;
        List<List<Object>> rows = rows(d, n, rnd);
        plan.apply(d, rows, defects);
        writeFiles(out, d, rows);
      }
      out.commit();
    }
    long items = options.items();
    return new SampleSummary(formatId(), items, items, Map.of("text_pair", items), defects);
  }

  static Map<CorpusDomain, Integer> allocate(int items) {
    Map<CorpusDomain, Integer> counts = new EnumMap<>(CorpusDomain.class);
    if (items < DOMAINS.length) {
      for (int i = 0; i < items; i++) counts.put(DOMAINS[i], 1);
      return counts;
    }
    int total = 0;
    for (int w : WEIGHTS) total += w;
    int left = items - DOMAINS.length;
    int given = 0;
    for (int i = 0; i < DOMAINS.length; i++) {
      int share = left * WEIGHTS[i] / total;
      counts.put(DOMAINS[i], 1 + share);
      given += share;
    }
    counts.merge(CorpusDomain.NEWS, left - given, Integer::sum);
    return counts;
  }

  private static List<List<Object>> rows(CorpusDomain d, int n, Random rnd) {
    List<List<Object>> rows = new ArrayList<>(n);
    long set = 1;
    int turn = 0;
    int dialogueLength = 2 + rnd.nextInt(5);
    for (int i = 0; i < n; i++) {
      CorpusSentences.Pair p;
      List<Object> r = new ArrayList<>();
      long id = i + 1;
      switch (d) {
        case SPOKEN -> r.add(id);
        case DIALOGUE -> {
          if (turn == dialogueLength) {
            set++;
            turn = 0;
            dialogueLength = 2 + rnd.nextInt(5);
          }
          r.add("일상");
          r.add(set % 2 == 0 ? "쇼핑" : "교통");
          r.add(set % 2 == 0 ? "물건 구매" : "기차표 예매");
          r.add(set);
          r.add((turn % 2 == 0 ? "A-" : "B-") + (turn / 2 + 1));
        }
        case NEWS -> {
          r.add(id);
          r.add(Long.parseLong(LocalDate.of(2018, 6, 1).plusDays(rnd.nextInt(365)).toString().replace("-", "")));
          int cats = rnd.nextInt(4);
          for (int c = 0; c < 3; c++) r.add(c < cats ? categories(rnd) : null);
          r.add("https://news.example.kr/article/" + (100000 + rnd.nextInt(900000)));
          r.add(OUTLETS.get(rnd.nextInt(OUTLETS.size())));
        }
        case CULTURE -> {
          r.add(id);
          r.add(List.of("한복", "김장", "전통시장", "한옥").get(rnd.nextInt(4)));
        }
        default -> {
          r.add(id);
          r.add(CITIES.get(rnd.nextInt(CITIES.size())));
        }
      }
      p = d == CorpusDomain.DIALOGUE ? CorpusSentences.dialogueTurn(turn++, rnd) : CorpusSentences.sentence(d, rnd);
      r.add(p.ko());
      r.add(p.en());
      rows.add(r);
    }
    return rows;
  }

  private static String categories(Random rnd) {
    String a = CATEGORIES.get(rnd.nextInt(CATEGORIES.size()));
    return rnd.nextBoolean() ? a : a + "," + CATEGORIES.get(rnd.nextInt(CATEGORIES.size()));
  }

  /** News is released in numbered parts; spoken carries a date stamp; the rest one file each. */
  private static void writeFiles(AtomicOutput out, CorpusDomain d, List<List<Object>> rows) throws IOException {
    List<String> names = switch (d) {
      case SPOKEN -> List.of("1_구어체(1)_200226.xlsx");
      case NEWS -> rows.size() >= 4 ? List.of("3_문어체_뉴스(1).xlsx", "3_문어체_뉴스(2).xlsx") : List.of("3_문어체_뉴스(1).xlsx");
      default -> List.of(d.fileStem() + ".xlsx");
    };
    int per = (rows.size() + names.size() - 1) / names.size();
    for (int f = 0; f < names.size(); f++) {
      Path file = out.resolve(names.get(f));
      try (XlsxRowWriter w = new XlsxRowWriter(file, d.header(), XlsxRowWriter.EXCEL_MAX_ROWS)) {
        for (List<Object> r : rows.subList(f * per, Math.min(rows.size(), (f + 1) * per))) w.write(r);
        w.finish();
      }
      ReproducibleZip.normaliseXlsx(file);
    }
  }

  /** Plants the translation mistakes an external quality lab would score (ACo, ACm, ...). */
  private static final class DefectPlan {
    private final boolean on;
    private final Random rnd;

    DefectPlan(SampleOptions options, Random rnd) {
      this.on = options.defects();
      this.rnd = new Random(options.seed() * 31 + 7);
    }

    void apply(CorpusDomain d, List<List<Object>> rows, List<PlantedDefect> out) {
      if (!on || d == CorpusDomain.DIALOGUE || rows.size() < 2) return;
      int src = rows.get(0).size() - 2;
      int tgt = src + 1;
      int idCol = d.columns().indexOf(d.idColumn());
      int kind = 0;
      for (int i = 1; i < rows.size(); i += 3 + rnd.nextInt(3)) {
        List<Object> r = rows.get(i);
        String id = d.key() + "/" + r.get(idCol);
        switch (kind++ % 4) {
          case 0 -> {
            r.set(tgt, null);
            out.add(new PlantedDefect("omission", id, "번역문 left empty"));
          }
          case 1 -> {
            r.set(tgt, r.get(src));
            out.add(new PlantedDefect("untranslated", id, "번역문 repeats the Korean source"));
          }
          case 2 -> {
            List<Object> earlier = rows.get(i - 1);
            r.set(src, earlier.get(src));
            r.set(tgt, earlier.get(tgt));
            out.add(new PlantedDefect("duplicate", id, "same 원문 as " + d.key() + "/" + earlier.get(idCol)));
          }
          default -> {
            String t = (String) r.get(tgt);
            String changed = t.replaceFirst("[0-9]+", "1000");
            if (changed.equals(t)) changed = t + " 1000";
            r.set(tgt, changed);
            out.add(new PlantedDefect("number-mismatch", id, "a number in 번역문 differs from 원문"));
          }
        }
      }
    }
  }
}
