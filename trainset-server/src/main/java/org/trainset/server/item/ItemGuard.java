package org.trainset.server.item;

import java.sql.Connection;
import java.sql.SQLException;
import org.trainset.server.auth.Principal;

/**
 * Who may open and edit an item beyond the project's organisation rule: the annotate stage
 * (jobs) plugs its rules in here so every item route (item, media, versions, saves, checks)
 * applies them the same way.
 */
public interface ItemGuard {
  /** Throws {@link org.trainset.server.ApiException} (403) when {@code p} may not open the item. */
  void checkRead(Principal p, StoredItem item);

  /** Throws (403/409) when {@code p} may not change the item's annotations. */
  void checkWrite(Principal p, StoredItem item);

  /** Inside the save's transaction, after the new version is written. */
  void saved(Connection c, Principal p, String itemId) throws SQLException;

  /** No rules beyond the organisation's. */
  ItemGuard OPEN = new ItemGuard() {
    @Override public void checkRead(Principal p, StoredItem item) {}
    @Override public void checkWrite(Principal p, StoredItem item) {}
    @Override public void saved(Connection c, Principal p, String itemId) {}
  };
}
