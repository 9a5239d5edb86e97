package org.trainset.formats.cvat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trainset.core.spi.DetectionContext;
import org.trainset.core.spi.FormatDetector;

/**
 * An XML file (or a folder's {@code annotations.xml}) whose root element is {@code <annotations>}
 * and whose first child is one of CVAT's: {@code version}, {@code meta}, {@code image},
 * {@code track}. Looks only at the head bytes; a DOCTYPE is skipped here so that the reader can
 * refuse it with a precise error instead of the file going unrecognised.
 */
final class CvatDetector implements FormatDetector {
  /** Prolog parts before the root: declaration, comments, processing instructions, DOCTYPE. */
  private static final Pattern PROLOG = Pattern.compile(
      "\\A(?:\\s+|<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE(?:[^\\[>]|\\[.*?\\])*>)*", Pattern.DOTALL);
  private static final Pattern FIRST_CHILD = Pattern.compile(
      "\\A<annotations\\s*>(?:\\s+|<!--.*?-->)*<(version|meta|image|track)[\\s>/]", Pattern.DOTALL);

  @Override public double detect(DetectionContext ctx) throws IOException {
    Path file = ctx.isDirectory() ? ctx.root().resolve(CvatFormat.ANNOTATIONS_FILE) : ctx.root();
    if (!Files.isRegularFile(file)) {
      ctx.rejected(ctx.isDirectory() ? "no " + CvatFormat.ANNOTATIONS_FILE + " in the folder" : "not a file");
      return NONE;
    }
    String head = ctx.headText(file);
    if (head.startsWith("\uFEFF")) head = head.substring(1);
    Matcher prolog = PROLOG.matcher(head);
    int start = prolog.lookingAt() ? prolog.end() : 0;
    Matcher child = FIRST_CHILD.matcher(head.substring(start));
    if (child.lookingAt()) {
      ctx.saw(ctx.name(file) + ": root <annotations> whose first child is <" + child.group(1) + ">");
      return SPECIFIC;
    }
    ctx.rejected(ctx.name(file) + ": no <annotations> root followed by <version>, <meta>, <image> or <track>");
    return NONE;
  }
}
