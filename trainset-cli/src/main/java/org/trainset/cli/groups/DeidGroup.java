package org.trainset.cli.groups;

import org.trainset.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code trainset deid images|dicom}: de-identification, shared by the refine and DICOM stages. */
@Command(name = "deid", mixinStandardHelpOptions = true,
    description = "De-identify data before it is published (images: faces/plates; dicom: PS3.15 Annex E).")
public final class DeidGroup extends GroupCommand {}
