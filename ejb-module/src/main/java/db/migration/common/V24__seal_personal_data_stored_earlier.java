package db.migration.common;

import bank.complaints.privacy.PersonalDataKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * R-S2: seals, once, the personal data stored before it was sealed at rest: numbers written before
 * V14, names, e-mails, addresses and descriptions before V23, evidence files before they were
 * encrypted. Afterwards the application writes only sealed values. A Java migration because the
 * keys are the application's (MicroProfile Config), never the database's.
 */
public class V24__seal_personal_data_stored_earlier extends BaseJavaMigration {

  /** A sealed text column and the columns that identify its row. */
  record SealedText(String table, String column, String... keys) {}

  static final List<SealedText> TEXT =
      List.of(
          new SealedText("complaint", "customer_mobile", "id"),
          new SealedText("complaint", "id_number", "id"),
          new SealedText("complaint", "customer_name", "id"),
          new SealedText("complaint", "customer_email", "id"),
          new SealedText("complaint", "customer_address", "id"),
          new SealedText("complaint", "description", "id"),
          new SealedText("complaint_account", "account_number", "complaint_id", "position"));

  private static final int BATCH = 500;

  @Override
  public void migrate(Context context) throws SQLException {
    seal(context.getConnection(), PersonalDataKeys.current());
  }

  /** Seals every value not sealed yet; returns how many it sealed. */
  static int seal(Connection db, PersonalDataKeys keys) throws SQLException {
    int sealed = 0;
    for (SealedText text : TEXT) {
      sealed += seal(db, keys, text);
    }
    return sealed + sealFiles(db, keys);
  }

  private static int seal(Connection db, PersonalDataKeys keys, SealedText text)
      throws SQLException {
    String keyList = String.join(", ", text.keys());
    String find =
        "select "
            + keyList
            + ", "
            + text.column()
            + " from "
            + text.table()
            + " where "
            + text.column()
            + " is not null and "
            + text.column()
            + " not like 'enc:v1:%'";
    String update =
        "update "
            + text.table()
            + " set "
            + text.column()
            + " = ? where "
            + String.join(
                " and ", java.util.Arrays.stream(text.keys()).map(k -> k + " = ?").toList());
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement select = db.prepareStatement(find);
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        Object[] row = new Object[text.keys().length + 1];
        for (int i = 0; i < row.length; i++) {
          row[i] = rs.getObject(i + 1);
        }
        rows.add(row);
      }
    }
    try (PreparedStatement write = db.prepareStatement(update)) {
      int pending = 0;
      for (Object[] row : rows) {
        write.setString(1, keys.seal((String) row[row.length - 1]));
        for (int i = 0; i < row.length - 1; i++) {
          write.setObject(i + 2, row[i]);
        }
        write.addBatch();
        if (++pending == BATCH) {
          write.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        write.executeBatch();
      }
    }
    return rows.size();
  }

  /** Evidence files one at a time: together they may not fit in memory. */
  private static int sealFiles(Connection db, PersonalDataKeys keys) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement select =
            db.prepareStatement("select evidence_id from evidence_content");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    int sealed = 0;
    try (PreparedStatement read =
            db.prepareStatement("select content from evidence_content where evidence_id = ?");
        PreparedStatement write =
            db.prepareStatement("update evidence_content set content = ? where evidence_id = ?")) {
      for (long id : ids) {
        read.setLong(1, id);
        byte[] content;
        try (ResultSet rs = read.executeQuery()) {
          rs.next();
          content = rs.getBytes(1);
        }
        if (!PersonalDataKeys.isSealed(content)) {
          write.setBytes(1, keys.sealBytes(content));
          write.setLong(2, id);
          write.executeUpdate();
          sealed++;
        }
      }
    }
    return sealed;
  }
}
