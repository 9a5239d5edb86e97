package org.trainset.server.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.trainset.core.FormatRegistry;
import org.trainset.core.UnknownFormatException;
import org.trainset.core.io.InputException;
import org.trainset.core.spi.Detection;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ReadOptions;
import org.trainset.server.ApiException;
import org.trainset.server.auth.Principal;
import org.trainset.server.http.Http;
import org.trainset.server.item.ItemImport;
import org.trainset.server.project.Project;

/**
 * Starting imports: from a server-side path (admins only), or from an uploaded archive that is
 * unpacked (safely) into the operation's folder first. Either way the library's format
 * detection picks the reader (as {@code trainset} on the command line does) unless a format is
 * named, and {@link ItemImport} streams the items into the project.
 */
public final class Imports {
  private final Operations operations;
  private final ItemImport itemImport;
  private final FormatRegistry formats;
  private final Archives.Limits limits;

  public Imports(Operations operations, ItemImport itemImport, FormatRegistry formats, Archives.Limits limits) {
    this.operations = operations;
    this.itemImport = itemImport;
    this.formats = formats;
    this.limits = limits;
  }

  public String fromPath(Principal p, Project project, String path, String formatId) {
    if (!p.isAdmin()) throw ApiException.forbidden("path: only admins import from server-side paths");
    Path input = Path.of(path);
    if (!input.isAbsolute()) throw ApiException.badRequest("path: must be absolute");
    if (!Files.exists(input)) throw ApiException.badRequest("path: " + path + " does not exist");
    Format format = format(formatId);
    return operations.start(p, project.id(), "import", ctx -> run(ctx, project, input, format));
  }

  /** Imports an archive file (already received); the archive is moved into the operation's folder. */
  public String fromArchive(Principal p, Project project, Path archive, String fileName, String formatId) throws IOException {
    Format format = format(formatId);
    return operations.start(p, project.id(), "import", ctx -> {
      Path dir = ctx.dir();
      Path input = dir.resolve("input");
      try {
        Archives.extract(archive, fileName, input, limits);
        return run(ctx, project, datasetRoot(input, format), format);
      } catch (InputException | UnknownFormatException e) {
        // messages name files inside the archive, not where the server unpacked it
        throw new IllegalArgumentException(e.getMessage().replace(input.toString() + "/", fileName + ": ")
            .replace(input.toString(), fileName), e);
      } finally {
        deleteTree(input);
        Files.deleteIfExists(archive);
      }
    });
  }

  private ObjectNode run(Operations.Context ctx, Project project, Path input, Format named) throws IOException {
    Format format = named != null ? named : formats.detect(input);
    ItemImport.Result r = itemImport.run(project, format, input, ReadOptions.defaults(), ctx::progress, ctx::cancelled);
    return Http.object().put("items", r.items()).put("annotations", r.annotations()).put("format", r.format())
        .put("generation", r.generation()).put("mediaFiles", r.mediaFiles()).put("mediaMissing", r.mediaMissing());
  }

  private Format format(String formatId) {
    if (formatId == null) return null;
    Format f = formats.find(formatId).orElseThrow(() -> ApiException.badRequest("format: unknown format '" + formatId + "'"));
    if (f.reader().isEmpty()) throw ApiException.badRequest("format: '" + formatId + "' cannot be read");
    return f;
  }

  /**
   * Where the dataset starts: the unpacked folder, or, when it holds one folder only (as zips
   * made of a folder do), that folder when a format recognises it more confidently.
   */
  private Path datasetRoot(Path extracted, Format named) throws IOException {
    if (named != null) return extracted;
    List<Path> top;
    try (Stream<Path> s = Files.list(extracted)) {
      top = s.toList();
    }
    if (top.size() != 1 || !Files.isDirectory(top.get(0))) return extracted;
    double here = best(extracted);
    double inside = best(top.get(0));
    return inside > here ? top.get(0) : extracted;
  }

  private double best(Path p) throws IOException {
    List<Detection> found = formats.detectAll(p);
    return found.isEmpty() ? 0 : found.get(0).confidence();
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(f);
    }
  }
}
