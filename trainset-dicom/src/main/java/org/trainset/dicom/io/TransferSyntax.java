package org.trainset.dicom.io;

/**
 * How a data set is encoded after the file meta group. Unknown UIDs are treated as explicit VR
 * little endian with encapsulated pixel data, which is how every compressed syntax is encoded.
 */
public record TransferSyntax(String uid, boolean explicitVr, boolean bigEndian, boolean deflated,
                             boolean encapsulated) {
  public static final TransferSyntax IMPLICIT_LE = new TransferSyntax("1.2.840.10008.1.2", false, false, false, false);
  public static final TransferSyntax EXPLICIT_LE = new TransferSyntax("1.2.840.10008.1.2.1", true, false, false, false);
  public static final TransferSyntax DEFLATED_LE = new TransferSyntax("1.2.840.10008.1.2.1.99", true, false, true, false);
  public static final TransferSyntax EXPLICIT_BE = new TransferSyntax("1.2.840.10008.1.2.2", true, true, false, false);

  public static TransferSyntax of(String uid) {
    return switch (uid) {
      case "1.2.840.10008.1.2" -> IMPLICIT_LE;
      case "1.2.840.10008.1.2.1" -> EXPLICIT_LE;
      case "1.2.840.10008.1.2.1.99" -> DEFLATED_LE;
      case "1.2.840.10008.1.2.2" -> EXPLICIT_BE;
      default -> new TransferSyntax(uid, true, false, false, true);
    };
  }
}
