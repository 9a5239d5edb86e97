package org.trainset.dicom.io;

import java.nio.file.Path;

/**
 * A parsed Part 10 file: the 128-byte preamble (null when the file had none), the file meta
 * group, the data set and the transfer syntax the data set was encoded in.
 */
public record DicomFile(Path source, byte[] preamble, DicomObject meta, DicomObject dataset,
                        TransferSyntax transferSyntax) {}
