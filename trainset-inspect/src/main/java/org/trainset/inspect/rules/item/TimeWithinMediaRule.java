package org.trainset.inspect.rules.item;

import org.trainset.inspect.rules.Findings;

import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.TimeEvent;
import org.trainset.core.model.Track;
import org.trainset.core.model.TrackFrame;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.Rule;
import org.trainset.inspect.rules.RuleSpec;
import org.trainset.inspect.rules.RuleType;
import org.trainset.core.issue.Severity;

/**
 * {@code time-within-media}: selected time events start at or after 0, end after they start and
 * end within the media's duration (± {@code tolerance} seconds); track frames fall inside the
 * frame count. With {@code require-duration: true} an item whose duration is unknown is a finding.
 */
public record TimeWithinMediaRule(String id, Severity severity, AnnotationSelector select, double tolerance,
                                  boolean requireDuration) implements Rule {

  @Override public void check(Item item, FindingSink out) {
    double duration = MediaTiming.duration(item);
    long frames = MediaTiming.frames(item);
    boolean any = false;
    for (Annotation a : item.annotations()) {
      if (!select.matches(a)) continue;
      if (a instanceof TimeEvent e) {
        any = true;
        if (e.start() < -tolerance || e.end() <= e.start()) {
          out.accept(Findings.at(this, item, a, "'" + a.label() + "' runs from " + e.start() + " s to " + e.end()
              + " s", e.end() - e.start()));
        } else if (!Double.isNaN(duration) && e.end() > duration + tolerance) {
          out.accept(Findings.at(this, item, a, "'" + a.label() + "' ends at " + e.end() + " s, after the media's "
              + MinSizeRule.round(duration) + " s", e.end()));
        }
      } else if (a instanceof Track t && frames > 0) {
        for (TrackFrame f : t.frames()) {
          if (f.frame() < 0 || f.frame() >= frames) {
            out.accept(Findings.at(this, item, a, "track frame " + f.frame() + " outside 0.." + (frames - 1), f.frame()));
            break;
          }
        }
      }
    }
    if (any && requireDuration && Double.isNaN(duration)) {
      out.accept(Findings.at(this, item, "media duration unknown; timed annotations cannot be checked", null));
    }
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "time-within-media"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      return new TimeWithinMediaRule(s.id(), s.severity(), AnnotationSelector.from(s), s.number("tolerance", 0),
          s.flag("require-duration", false));
    }
  }
}
