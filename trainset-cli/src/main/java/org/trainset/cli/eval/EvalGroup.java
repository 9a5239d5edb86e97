package org.trainset.cli.eval;

import org.trainset.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code trainset eval classify|detect}: metrics that agree with scikit-learn and pycocotools. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluate model output against ground truth (classify: ROC AUC, sensitivity, ...; detect: COCO AP/AR).")
public final class EvalGroup extends GroupCommand {}
