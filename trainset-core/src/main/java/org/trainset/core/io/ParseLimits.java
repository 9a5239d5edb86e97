package org.trainset.core.io;

/**
 * Limits every parser applies so hostile or broken input fails fast instead of exhausting
 * memory. Defaults suit real datasets (COCO train2017 is 448 MB; a CVAT task XML can hold
 * millions of shapes) while refusing pathological nesting and giant strings.
 *
 * @param maxNestingDepth   deepest JSON/XML nesting accepted
 * @param maxStringLength   longest single string or text node, in characters
 * @param maxFileSize       largest file accepted, in bytes
 * @param maxNumberLength   longest numeric literal, in characters
 */
public record ParseLimits(int maxNestingDepth, int maxStringLength, long maxFileSize, int maxNumberLength)
    implements java.io.Serializable {
  public static final ParseLimits DEFAULT = new ParseLimits(200, 64 * 1024 * 1024, 64L << 30, 1000);

  public ParseLimits {
    if (maxNestingDepth < 1 || maxStringLength < 1 || maxFileSize < 1 || maxNumberLength < 1) {
      throw new IllegalArgumentException("parse limits must be positive");
    }
  }

  public ParseLimits withMaxFileSize(long bytes) {
    return new ParseLimits(maxNestingDepth, maxStringLength, bytes, maxNumberLength);
  }

  public ParseLimits withMaxStringLength(int chars) {
    return new ParseLimits(maxNestingDepth, chars, maxFileSize, maxNumberLength);
  }

  public ParseLimits withMaxNestingDepth(int depth) {
    return new ParseLimits(depth, maxStringLength, maxFileSize, maxNumberLength);
  }

  /**
   * Throws an {@link InputException} when {@code file} is not a readable regular file or is
   * larger than allowed. Every reader calls this before opening a file, so these cases give one
   * clear input error instead of an I/O failure half-way.
   */
  public void checkFileSize(java.nio.file.Path file) throws java.io.IOException {
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new InputException(file, "not-a-file", java.nio.file.Files.exists(file)
          ? "expected a regular file, found " + (java.nio.file.Files.isDirectory(file) ? "a folder" : "something else")
          : "no such file");
    }
    if (!java.nio.file.Files.isReadable(file)) {
      throw new InputException(file, "unreadable", "permission denied");
    }
    long size = java.nio.file.Files.size(file);
    if (size > maxFileSize) {
      throw new InputException(file, "max-file-size",
          "file is " + size + " bytes, over the limit of " + maxFileSize);
    }
  }
}
