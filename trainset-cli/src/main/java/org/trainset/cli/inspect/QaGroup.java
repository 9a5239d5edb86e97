package org.trainset.cli.inspect;

import org.trainset.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code trainset qa score|plan|agreement|mqm|consensus}: review QA, reader agreement, translation MQM. */
@Command(name = "qa", mixinStandardHelpOptions = true,
    description = "Quality assurance of annotation work: review scoring and sampling, agreement between readers, MQM.")
public final class QaGroup extends GroupCommand {}
