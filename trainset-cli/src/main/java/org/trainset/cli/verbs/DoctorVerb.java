package org.trainset.cli.verbs;

import java.util.List;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.Verb;
import org.trainset.core.env.Requirements;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = {"Check the machine: what trainset needs outside the jar, present or missing.",
        "Lists the fonts and OpenCV cascades verbs need and the tools the tests compare against (Python",
        "libraries, dcmtk), each with the Debian package that provides it.",
        "Exit 0 when every verb can run, 1 when something a verb needs is missing."})
public final class DoctorVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Override public Integer call() {
    List<Requirements.Status> all = Requirements.check();
    List<String> missing = all.stream().filter(s -> !s.present()).map(Requirements.Status::debianPackage).toList();
    boolean verbsOk = all.stream().filter(s -> !s.testsOnly()).allMatch(Requirements.Status::present);
    var out = spec.commandLine().getOut();
    String java = System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    if (output.json) {
      var root = Json.object();
      root.put("java", java).put("verbsReady", verbsOk);
      var arr = root.putArray("requirements");
      for (Requirements.Status s : all) {
        arr.addObject().put("name", s.name()).put("debianPackage", s.debianPackage()).put("usedBy", s.usedBy())
            .put("alternative", s.alternative()).put("testsOnly", s.testsOnly()).put("present", s.present())
            .put("foundAt", s.foundAt());
      }
      var m = root.putArray("missingPackages");
      missing.forEach(m::add);
      out.println(Json.write(root));
    } else {
      out.println("java     " + java);
      for (Requirements.Status s : all) {
        out.printf("%-8s %-6s %-28s %-17s %s%n", s.present() ? "ok" : "MISSING", s.testsOnly() ? "tests" : "run", s.name(),
            s.debianPackage(), s.present() ? s.foundAt() : "needed by " + s.usedBy()
                + (s.alternative().isEmpty() ? "" : "; or " + s.alternative()));
      }
      if (!missing.isEmpty()) out.println("install: apt-get install " + String.join(" ", missing));
    }
    return verbsOk ? 0 : 1;
  }
}
