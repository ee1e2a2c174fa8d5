package bank.complaints.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What has served its purpose is deleted; nothing else. */
class RetentionIT extends SystemTest {

  private static final String OUTBOX =
      "insert into outbox_message (id, message_id, destination, message_type, schema_version,"
          + " message_key, payload, created_at, published_at, set_aside_at)"
          + " values (?, ?, 'complaints.tasks.CSC', 'TaskMessage', 1, ?, '{}', ?, ?, ?)";

  private static final String KEY =
      "insert into idempotency_key (channel, idem_key, fingerprint, complaint_id, created_at)"
          + " values ('MOBILE_APP', ?, 'retention-test', null, ?)";

  @Test
  @DisplayName(
      "Retention deletes published outbox messages older than 7 days and idempotency keys older than 30 days, and nothing else")
  void retentionDeletesWhatItShouldAndNothingElse() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    long base = -2_000_000_000L - Math.abs(run.hashCode() % 1_000_000L) * 4;
    OffsetDateTime now = TestClock.now().withOffsetSameInstant(ZoneOffset.UTC);
    long publishedLongAgo = base;
    long publishedLastWeek = base - 1;
    long neverSent = base - 2;
    outbox(publishedLongAgo, run, now.minusDays(9), now.minusDays(8), null);
    outbox(publishedLastWeek, run, now.minusDays(6), now.minusDays(6), null);
    outbox(neverSent, run, now.minusDays(10), null, now.minusDays(10)); // set aside, never sent
    String oldKey = "retention-old-" + run;
    String recentKey = "retention-recent-" + run;
    Database.update(KEY, oldKey, now.minusDays(31));
    Database.update(KEY, recentKey, now.minusDays(29));
    try {
      HttpResponse<String> ran = Api.postJson("/api/v1/admin/retention/run", "");
      assertEquals(200, ran.statusCode(), ran.body());
      JsonObject counts = Api.json(ran);
      assertTrue(counts.getInt("outboxMessagesDeleted") >= 1, ran.body());
      assertTrue(counts.getInt("idempotencyKeysDeleted") >= 1, ran.body());

      assertEquals(0, outboxRows(publishedLongAgo), "published 8 days ago: deleted");
      assertEquals(1, outboxRows(publishedLastWeek), "published 6 days ago: kept");
      assertEquals(1, outboxRows(neverSent), "never sent: work, not history, kept");
      assertEquals(0, keys(oldKey), "a key of 31 days: deleted");
      assertEquals(1, keys(recentKey), "a key of 29 days: kept");
      assertTrue(
          Database.count("select count(*) from complaint") > 0, "complaints are never deleted");
    } finally {
      Database.update("delete from outbox_message where message_key = ?", "RETENTION-" + run);
      Database.update("delete from idempotency_key where idem_key in (?, ?)", oldKey, recentKey);
    }
  }

  private static void outbox(
      long id,
      String run,
      OffsetDateTime created,
      OffsetDateTime published,
      OffsetDateTime setAside) {
    Database.update(
        OUTBOX, id, UUID.randomUUID().toString(), "RETENTION-" + run, created, published, setAside);
  }

  private static long outboxRows(long id) {
    return Database.count("select count(*) from outbox_message where id = ?", id);
  }

  private static long keys(String key) {
    return Database.count("select count(*) from idempotency_key where idem_key = ?", key);
  }
}
