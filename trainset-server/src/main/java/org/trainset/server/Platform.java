package org.trainset.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trainset.core.FormatRegistry;
import org.trainset.server.access.Access;
import org.trainset.server.access.AccessRequests;
import org.trainset.server.access.CatalogDirectory;
import org.trainset.server.access.Documents;
import org.trainset.server.access.Downloads;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.auth.LoginLimiter;
import org.trainset.server.auth.Sessions;
import org.trainset.server.auth.Users;
import org.trainset.server.db.Database;
import org.trainset.server.item.ItemImport;
import org.trainset.server.item.Items;
import org.trainset.server.media.MediaStore;
import org.trainset.server.ops.Archives;
import org.trainset.server.ops.Exports;
import org.trainset.server.ops.Imports;
import org.trainset.server.ops.Operations;
import org.trainset.server.ops.Uploads;
import org.trainset.server.project.ProjectAnalysis;
import org.trainset.server.publish.Catalog;
import org.trainset.server.publish.ErrorReports;
import org.trainset.server.publish.Releases;
import org.trainset.server.publish.SampleItems;
import org.trainset.server.project.Projects;
import org.trainset.server.review.Review;
import org.trainset.server.sandbox.SandboxJobs;
import org.trainset.server.sandbox.SandboxLimits;
import org.trainset.server.sandbox.SandboxOutputs;
import org.trainset.server.sandbox.PlatformSandboxData;
import org.trainset.server.work.WorkEvents;

/**
 * The platform's services over one data folder and database, shared by the HTTP routes and the
 * CLI ({@code trainset users}). Closing it stops background work and closes the database.
 */
public final class Platform implements AutoCloseable {
  /** Size limits for what clients send. */
  public record Limits(long maxUploadBytes, Archives.Limits archive) {
    public static final Limits DEFAULT = new Limits(2L * 1024 * 1024 * 1024, Archives.Limits.DEFAULT);
  }

  private final Path dataDir;
  private final Database db;
  private final Limits limits;
  private final FormatRegistry formats = FormatRegistry.load();
  private final Users users;
  private final Sessions sessions;
  private final LoginLimiter loginLimiter = new LoginLimiter(5, 60_000);
  private final Projects projects;
  private final MediaStore media;
  private final Items items;
  private final org.trainset.server.item.ItemDocuments itemDocuments;
  private final Operations operations;
  private final Imports imports;
  private final Exports exports;
  private final Uploads uploads;
  private final ProjectAnalysis analysis;
  private final java.time.Clock clock;
  private final AuditLog audit;
  private final WorkEvents events = new WorkEvents();
  private final org.trainset.server.check.Checks checks;
  private final org.trainset.server.job.Jobs jobs;
  private final org.trainset.server.job.Workers workers;
  private final org.trainset.server.job.DeidApply deid;
  private final org.trainset.server.job.DedupJobs dedup;
  private final org.trainset.server.predict.Drafts drafts;
  private final org.trainset.server.predict.Predictions predictions;
  private final org.trainset.server.predict.ModelHooks modelHooks;
  private final Releases releases;
  private final Catalog catalog;
  private final ErrorReports reports;
  private final SampleItems sample;
  /** Largest document attached to an access request (lowered by the upload limit when that is smaller). */
  public static final long MAX_DOCUMENT_BYTES = 20L * 1024 * 1024;
  private final Access access;
  private final AccessRequests accessRequests;
  private final Downloads downloads;
  private final Review review;
  private final SandboxJobs sandbox;
  private final SandboxOutputs sandboxOutputs;
  private final org.trainset.server.access.Reminders reminders;
  private final org.trainset.server.access.ReminderScheduler reminderTimer;

  private Platform(Path dataDir, Database db, Limits limits, java.time.Clock clock,
      org.trainset.server.access.ReminderSettings reminderSettings) throws IOException {
    this.dataDir = dataDir;
    this.clock = clock;
    this.audit = new AuditLog(db, clock);
    this.db = db;
    this.limits = limits;
    this.users = new Users(db);
    this.sessions = new Sessions(db);
    this.projects = new Projects(db);
    this.media = new MediaStore(dataDir);
    org.trainset.server.item.AutoFill autoFill = new org.trainset.server.item.AutoFill(media);
    this.checks = new org.trainset.server.check.Checks(autoFill);
    this.items = new Items(db, projects, autoFill);
    this.itemDocuments = new org.trainset.server.item.ItemDocuments(items, media);
    ItemImport.dropUnfinished(db);
    this.operations = new Operations(db, projects, dataDir);
    this.imports = new Imports(operations, new ItemImport(db, media), formats, limits.archive());
    this.exports = new Exports(operations, db, media, formats);
    this.uploads = new Uploads(db, projects, dataDir, limits.maxUploadBytes());
    this.analysis = new ProjectAnalysis(db, media);
    // annotate (issue 11): jobs guard item access; drafts, predictions and the model hook
    this.items.guard(new org.trainset.server.job.JobAccess(db));
    this.jobs = new org.trainset.server.job.Jobs(db, projects, items, checks, audit, events, clock,
        new org.trainset.server.job.JobSplit(db, items, media, new org.trainset.server.predict.Detections()));
    this.workers = new org.trainset.server.job.Workers(db, audit);
    this.deid = new org.trainset.server.job.DeidApply(db, jobs, items, media, audit, clock);
    this.dedup = new org.trainset.server.job.DedupJobs(db, jobs, audit, clock);
    this.drafts = new org.trainset.server.predict.Drafts(db, items);
    this.predictions = new org.trainset.server.predict.Predictions(db, formats, limits.archive(), audit, clock);
    this.modelHooks = new org.trainset.server.predict.ModelHooks(db, jobs, items, media, audit, clock);
    this.review = new Review(db, projects, items, analysis, events, audit, clock);
    exports.addExtra(review.quality()::writeHistory);
    // a release records the review stage's figures at freeze time
    this.releases = new Releases(db, media, dataDir, clock, audit, analysis, formats,
        (caller, projectId) -> review.quality().dashboard(caller, projectId));
    this.catalog = new Catalog(releases);
    this.reports = new ErrorReports(db, releases, projects, clock);
    this.sample = new SampleItems(releases);
    this.access = new Access(db, clock, audit, new CatalogDirectory(db, dataDir));
    this.accessRequests = new AccessRequests(db, clock, audit, access,
        new Documents(db, clock, audit, dataDir, Math.min(MAX_DOCUMENT_BYTES, limits.maxUploadBytes())));
    this.downloads = new Downloads(db, clock, audit, access, dataDir.resolve("cache").resolve("archives"));
    this.sandbox = new SandboxJobs(db, audit, clock, dataDir, formats, SandboxLimits.DEFAULT, new PlatformSandboxData(access));
    this.sandboxOutputs = new SandboxOutputs(sandbox);
    // reviewers' reminders: the timer is started by the server, not by every CLI verb that opens the platform
    org.trainset.server.mail.Mailer mailer = reminderSettings.smtp() == null ? org.trainset.server.mail.Mailer.NONE
        : new org.trainset.server.mail.SmtpMailer(reminderSettings.smtp());
    this.reminders = new org.trainset.server.access.Reminders(db, clock, audit, access, accessRequests, users, mailer);
    this.reminderTimer = new org.trainset.server.access.ReminderScheduler(reminders, reminderSettings.interval());
  }


  /** Opens the data folder (created when missing) and the database ({@code dbUrl} null: SQLite inside it). */
  public static Platform open(Path dataDir, String dbUrl) throws IOException {
    return open(dataDir, dbUrl, Limits.DEFAULT);
  }

  public static Platform open(Path dataDir, String dbUrl, Limits limits) throws IOException {
    return open(dataDir, dbUrl, limits, java.time.Clock.systemUTC());
  }

  /** With an injected clock: tests move time (grant expiry, reminders) without sleeping. */
  public static Platform open(Path dataDir, String dbUrl, Limits limits, java.time.Clock clock) throws IOException {
    return open(dataDir, dbUrl, limits, clock, org.trainset.server.access.ReminderSettings.DEFAULT);
  }

  /** With the reminder timer's interval and SMTP server ({@code trainset serve --smtp-host ...}). */
  public static Platform open(Path dataDir, String dbUrl, Limits limits, java.time.Clock clock,
      org.trainset.server.access.ReminderSettings reminderSettings) throws IOException {
    Path dir = dataDir.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    Database db = Database.open(dir, dbUrl);
    try {
      return new Platform(dir, db, limits, clock, reminderSettings);
    } catch (IOException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  public Path dataDir() { return dataDir; }
  public Database db() { return db; }
  public Limits limits() { return limits; }
  public FormatRegistry formats() { return formats; }
  public Users users() { return users; }
  public Sessions sessions() { return sessions; }
  public LoginLimiter loginLimiter() { return loginLimiter; }
  public Projects projects() { return projects; }
  public MediaStore media() { return media; }
  /** Documents attached to items (reports), served with the item's rights. */
  public org.trainset.server.item.ItemDocuments itemDocuments() {
    return itemDocuments;
  }

  public Items items() { return items; }
  public Operations operations() { return operations; }
  public Imports imports() { return imports; }
  public Exports exports() { return exports; }
  public Uploads uploads() { return uploads; }
  public ProjectAnalysis analysis() { return analysis; }
  /** The platform's time: expiry, reminders and audit entries read it. */
  public java.time.Clock clock() { return clock; }
  public AuditLog audit() { return audit; }
  public WorkEvents events() { return events; }
  public org.trainset.server.check.Checks checks() { return checks; }
  public org.trainset.server.job.Jobs jobs() { return jobs; }
  public org.trainset.server.job.Workers workers() { return workers; }
  public org.trainset.server.job.DeidApply deid() { return deid; }
  public org.trainset.server.job.DedupJobs dedup() { return dedup; }
  public org.trainset.server.predict.Drafts drafts() { return drafts; }
  public org.trainset.server.predict.Predictions predictions() { return predictions; }
  public org.trainset.server.predict.ModelHooks modelHooks() { return modelHooks; }
  /** Releases of projects into catalog datasets; release files at {@code <dataDir>/releases/<dataset>/<version>/}. */
  public Releases releases() { return releases; }
  public Catalog catalog() { return catalog; }
  public ErrorReports reports() { return reports; }
  /** The public samples of releases (the catalog's read-only viewer). */
  public SampleItems sample() { return sample; }
  /** Access modes and grants of published datasets: {@code require} is the one check for downloads and sandbox jobs. */
  public Access access() { return access; }
  public AccessRequests accessRequests() { return accessRequests; }
  public Downloads downloads() { return downloads; }
  /** The review stage: workflows, queues and verdicts, issues, gold items, quality figures. */
  public Review review() { return review; }
  /** Sandbox jobs on protected releases (issue 14). */
  public SandboxJobs sandbox() { return sandbox; }
  public SandboxOutputs sandboxOutputs() { return sandboxOutputs; }
  /** Reminders to the reviewers of waiting access requests (mail when SMTP is configured). */
  public org.trainset.server.access.Reminders reminders() { return reminders; }
  /** The reminder timer: started with the server ({@link TrainsetServer#start}), stopped by {@link #close}. */
  public org.trainset.server.access.ReminderScheduler reminderTimer() { return reminderTimer; }

  public static String version() {
    String v = Platform.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override public void close() {
    reminderTimer.close();
    sandbox.close();
    operations.close();
    db.close();
  }
}
