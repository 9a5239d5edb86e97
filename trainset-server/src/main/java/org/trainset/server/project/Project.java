package org.trainset.server.project;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.trainset.server.http.Http;

/**
 * A project: one dataset (its current {@code generation} of items), its family and rule pack,
 * owned by an organisation.
 */
public record Project(String id, String name, String orgId, String orgName, String family, String rulePack,
                      String format, String schemaJson, int generation, long items, long createdAt) {
  public ObjectNode toJson() {
    ObjectNode n = Http.object().put("id", id).put("name", name).put("org", orgName).put("family", family)
        .put("rulePack", rulePack).put("format", format).put("items", items).put("generation", generation)
        .put("createdAt", createdAt);
    try {
      n.set("schema", schemaJson == null ? null : Http.MAPPER.readTree(schemaJson));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored schema of project " + id + " is not JSON", e);
    }
    return n;
  }
}
