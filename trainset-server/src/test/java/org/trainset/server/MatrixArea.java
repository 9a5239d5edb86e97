package org.trainset.server;

import java.util.Map;

/**
 * One area's part of {@link AuthorisationMatrixTest}: the objects its routes act on, and where the
 * defaults do not fit, the harmless request to send and the answer to expect.
 */
interface MatrixArea {
  /** Creates the area's objects as the owning organisation; returns path-template prefix → id. */
  Map<String, String> create(ServerTestBase base) throws Exception;

  /** The concrete path for a documented template, or null to use the id map's prefixes. */
  default String concrete(String templatePath, Map<String, String> ids) {
    return null;
  }

  /**
   * A request that passes authorisation but does no harm, or null for a bodiless request.
   * {@code method} is upper case; {@code templatePath} as documented.
   */
  default ApiClient.Resp call(ApiClient c, String method, String templatePath, String path) {
    return null;
  }

  /** "allowed", "401", "403" or "404" when this area decides; null for the default rule. */
  default String expected(AuthorisationMatrixTest.Op o, String caller) {
    return null;
  }
}
