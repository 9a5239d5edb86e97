package org.trainset.core.env;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The independent tools the tests compare trainset against (scripts/install-test-deps installs
 * them). No verb needs them; {@code trainset doctor} lists them so a developer sees what a test
 * run will miss.
 */
public final class TestTools implements Requirement {
  private final String name;
  private final String debianPackage;
  private final String usedBy;
  private final Supplier<Optional<String>> locate;

  private TestTools(String name, String debianPackage, String usedBy, Supplier<Optional<String>> locate) {
    this.name = name;
    this.debianPackage = debianPackage;
    this.usedBy = usedBy;
    this.locate = locate;
  }

  @Override public String name() { return name; }
  @Override public String debianPackage() { return debianPackage; }
  @Override public String usedBy() { return usedBy; }
  @Override public boolean testsOnly() { return true; }
  @Override public Optional<String> locate() { return locate.get(); }

  /** ServiceLoader entries, one class each (ServiceLoader needs a no-argument constructor). */
  public static final class Pydicom extends Delegate {
    public Pydicom() { super(new TestTools("pydicom", "python3-pydicom", "tests: DICOM output read by pydicom",
        () -> Requirements.pythonModule("pydicom"))); }
  }

  public static final class Sklearn extends Delegate {
    public Sklearn() { super(new TestTools("scikit-learn", "python3-sklearn", "tests: split and metric oracles",
        () -> Requirements.pythonModule("sklearn"))); }
  }

  public static final class Openpyxl extends Delegate {
    public Openpyxl() { super(new TestTools("openpyxl", "python3-openpyxl", "tests: xlsx read back",
        () -> Requirements.pythonModule("openpyxl"))); }
  }

  public static final class Pil extends Delegate {
    public Pil() { super(new TestTools("Pillow (PIL)", "python3-pil", "tests: segmentation PNGs decoded independently",
        () -> Requirements.pythonModule("PIL"))); }
  }

  public static final class Dcmtk extends Delegate {
    public Dcmtk() { super(new TestTools("dcmtk (dcmdump, dcmmkdir)", "dcmtk", "tests: DICOM output parsed by dcmtk",
        () -> Requirements.onPath("dcmdump"))); }
  }

  /** Forwards to a configured instance. */
  abstract static class Delegate implements Requirement {
    private final Requirement r;

    Delegate(Requirement r) { this.r = r; }

    @Override public String name() { return r.name(); }
    @Override public String debianPackage() { return r.debianPackage(); }
    @Override public String usedBy() { return r.usedBy(); }
    @Override public boolean testsOnly() { return true; }
    @Override public Optional<String> locate() { return r.locate(); }
  }
}
