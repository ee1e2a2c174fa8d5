package db.migration.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.complaints.privacy.PersonalDataKeys;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** R-S2: what was stored before sealing at rest is sealed once, and sealed values are kept. */
class SealPersonalDataStoredEarlierTest {

  private static final PersonalDataKeys KEYS = new PersonalDataKeys("k1:" + key(1), "k1", key(9));

  private static String key(int fill) {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, (byte) fill);
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Test
  void sealsEveryPlaintextValueAndFileOnceAndKeepsWhatIsSealed() throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:h2:mem:seal;DB_CLOSE_DELAY=-1")) {
      try (Statement ddl = db.createStatement()) {
        ddl.execute(
            "create table complaint (id bigint primary key, customer_mobile varchar(200),"
                + " id_number varchar(200), customer_name varchar(600), customer_email"
                + " varchar(600), customer_address varchar(1400), subject varchar(1000),"
                + " description varchar(16400))");
        ddl.execute(
            "create table complaint_account (complaint_id bigint, position integer,"
                + " account_number varchar(200), primary key (complaint_id, position))");
        ddl.execute("create table evidence_content (evidence_id bigint primary key, content blob)");
      }
      String alreadySealed = KEYS.seal("13900000000");
      try (PreparedStatement insert =
          db.prepareStatement("insert into complaint values (?, ?, ?, ?, ?, ?, ?, ?)")) {
        Object[][] rows = {
          {1L, "13812345678", "11010519491231002X", "赵敏", "zm@example.com", "北京市", "扣款", "卡号 6222"},
          {2L, alreadySealed, null, "钱多", null, null, "利息", "没有说明"}
        };
        for (Object[] row : rows) {
          for (int i = 0; i < row.length; i++) {
            insert.setObject(i + 1, row[i]);
          }
          insert.executeUpdate();
        }
      }
      try (Statement insert = db.createStatement()) {
        insert.execute(
            "insert into complaint_account values (1, 0, '6222020200112233446'), (1, 1, '1234')");
      }
      byte[] screenshot = "卡号 6222020200112233446".getBytes(StandardCharsets.UTF_8);
      byte[] sealedFile = KEYS.sealBytes("an earlier sealed file".getBytes(StandardCharsets.UTF_8));
      try (PreparedStatement insert =
          db.prepareStatement("insert into evidence_content values (?, ?)")) {
        insert.setLong(1, 10);
        insert.setBytes(2, screenshot);
        insert.executeUpdate();
        insert.setLong(1, 11);
        insert.setBytes(2, sealedFile);
        insert.executeUpdate();
      }

      // 6 values of complaint 1, 2 of complaint 2 (name, description), 2 accounts, 1 file.
      assertEquals(11, V24__seal_personal_data_stored_earlier.seal(db, KEYS));

      try (Statement read = db.createStatement();
          ResultSet rs = read.executeQuery("select * from complaint order by id")) {
        rs.next();
        String[] columns = {
          "customer_mobile",
          "id_number",
          "customer_name",
          "customer_email",
          "customer_address",
          "description"
        };
        String[] expected = {
          "13812345678", "11010519491231002X", "赵敏", "zm@example.com", "北京市", "卡号 6222"
        };
        assertEquals("扣款", rs.getString("subject"), "the subject stays readable");
        for (int i = 0; i < expected.length; i++) {
          String stored = rs.getString(columns[i]);
          assertTrue(stored.startsWith("enc:v1:k1:"), stored);
          assertEquals(expected[i], KEYS.open(stored));
        }
        rs.next();
        assertEquals(alreadySealed, rs.getString("customer_mobile"), "a sealed value is kept");
        assertEquals(null, rs.getString("id_number"));
        assertEquals("钱多", KEYS.open(rs.getString("customer_name")));
      }
      try (Statement read = db.createStatement();
          ResultSet rs =
              read.executeQuery("select account_number from complaint_account order by position")) {
        while (rs.next()) {
          assertTrue(rs.getString(1).startsWith("enc:v1:k1:"));
        }
      }
      try (Statement read = db.createStatement();
          ResultSet rs =
              read.executeQuery("select content from evidence_content order by evidence_id")) {
        rs.next();
        byte[] stored = rs.getBytes(1);
        assertTrue(PersonalDataKeys.isSealed(stored));
        assertFalse(
            new String(stored, StandardCharsets.ISO_8859_1).contains("6222020200112233446"));
        assertArrayEquals(screenshot, KEYS.openBytes(stored));
        rs.next();
        assertArrayEquals(sealedFile, rs.getBytes(1), "a sealed file is kept");
      }

      assertEquals(0, V24__seal_personal_data_stored_earlier.seal(db, KEYS), "nothing left");
    }
  }
}
