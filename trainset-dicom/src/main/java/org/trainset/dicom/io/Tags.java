package org.trainset.dicom.io;

/** Tags the toolkit itself needs, and tag formatting. */
public final class Tags {
  public static final int FILE_META_GROUP_LENGTH = 0x00020000;
  public static final int FILE_META_VERSION = 0x00020001;
  public static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
  public static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;
  public static final int TRANSFER_SYNTAX_UID = 0x00020010;
  public static final int IMPLEMENTATION_CLASS_UID = 0x00020012;
  public static final int IMPLEMENTATION_VERSION_NAME = 0x00020013;
  public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
  public static final int SOP_CLASS_UID = 0x00080016;
  public static final int SOP_INSTANCE_UID = 0x00080018;
  public static final int PATIENT_NAME = 0x00100010;
  public static final int PATIENT_ID = 0x00100020;
  public static final int PATIENT_BIRTH_DATE = 0x00100030;
  public static final int PATIENT_IDENTITY_REMOVED = 0x00120062;
  public static final int DEIDENTIFICATION_METHOD = 0x00120063;
  public static final int DEIDENTIFICATION_METHOD_CODE_SEQUENCE = 0x00120064;
  public static final int SAMPLES_PER_PIXEL = 0x00280002;
  public static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
  public static final int NUMBER_OF_FRAMES = 0x00280008;
  public static final int ROWS = 0x00280010;
  public static final int COLUMNS = 0x00280011;
  public static final int BITS_ALLOCATED = 0x00280100;
  public static final int BITS_STORED = 0x00280101;
  public static final int PIXEL_REPRESENTATION = 0x00280103;
  public static final int PLANAR_CONFIGURATION = 0x00280006;
  public static final int WINDOW_CENTER = 0x00281050;
  public static final int WINDOW_WIDTH = 0x00281051;
  public static final int RESCALE_INTERCEPT = 0x00281052;
  public static final int RESCALE_SLOPE = 0x00281053;
  public static final int PIXEL_DATA = 0x7FE00010;
  public static final int ITEM = 0xFFFEE000;
  public static final int ITEM_DELIMITATION = 0xFFFEE00D;
  public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

  private Tags() {}

  public static int group(int tag) {
    return tag >>> 16;
  }

  public static int element(int tag) {
    return tag & 0xFFFF;
  }

  /** Odd groups other than 1, 3, 5, 7 and FFFF hold private data elements (PS3.5 7.8). */
  public static boolean isPrivate(int tag) {
    int g = group(tag);
    return (g & 1) == 1 && g > 8 && g != 0xFFFF;
  }

  /** (gggg,0010)..(gggg,00FF) in a private group reserve blocks for a creator. */
  public static boolean isPrivateCreator(int tag) {
    return isPrivate(tag) && element(tag) >= 0x10 && element(tag) <= 0xFF;
  }

  /** {@code (0010,0010)}. */
  public static String format(int tag) {
    return String.format("(%04x,%04x)", group(tag), element(tag));
  }

  /** Parses {@code 00100010}, {@code (0010,0010)} or {@code 0010,0010}. */
  public static int parse(String s) {
    String hex = s.replaceAll("[()\\s,]", "");
    if (!hex.matches("[0-9A-Fa-f]{8}")) throw new IllegalArgumentException("not a tag: " + s);
    return (int) Long.parseLong(hex, 16);
  }
}
