package org.trainset.cli;

import java.util.concurrent.Callable;

/**
 * A command-line verb: a picocli {@code @Command} class registered with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.trainset.cli.Verb}), so a stage
 * adds its verbs without editing a central list. A verb returns its exit code; failures are
 * thrown and mapped to codes in one place, {@link ExitCodes}.
 */
public interface Verb extends Callable<Integer> {
  /**
   * The group command this verb sits under ({@code deid} for {@code deid dicom}), or null for a
   * top-level verb. A group is a plain {@code @Command} class with a no-argument constructor.
   */
  default Class<?> group() {
    return null;
  }
}
