package org.trainset.cli.refine;

import org.trainset.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code trainset dedup text|images}: exact and near-duplicate removal. */
@Command(name = "dedup", mixinStandardHelpOptions = true,
    description = "Remove exact and near duplicates (text: MinHash + LSH, verified; images: perceptual hashes).")
public final class DedupGroup extends GroupCommand {}
