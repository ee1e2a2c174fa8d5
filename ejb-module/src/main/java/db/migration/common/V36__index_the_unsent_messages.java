package db.migration.common;

import db.migration.PostgreSqlOnly;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Lets the outbox relay find the messages still to send without walking the ones already sent (ADR
 * 0003). Its table read ({@code published_at is null and set_aside_at is null … order by id fetch
 * first 200}) had two indexes to choose from: the primary key, in the order asked for, or {@code
 * (published_at, id)}, whose {@code is null} PostgreSQL does not treat as an equality that keeps
 * {@code id} in order. Once a few per cent of the rows were unsent, PostgreSQL took the primary
 * key, expecting them spread evenly; they are the newest, so each read walked the 7 million sent
 * rows first: 6.4 s and 1.5 million pages per read on the benchmark database, the relay fell
 * 382,000 messages and 50 minutes behind, and its reads kept a core busy. With this index, which
 * holds only the unsent rows, in {@code id} order: 2 ms, and the backlog drained at 4,000 messages
 * a second. The backlog's length and age ({@code Backlogs}) are counted from it as well.
 *
 * <p>A partial index is PostgreSQL's; H2 (the zero-install database) keeps the earlier index, which
 * serves its small tables.
 */
public class V36__index_the_unsent_messages extends PostgreSqlOnly {

  @Override
  protected void migrate(Statement statement) throws SQLException {
    statement.execute(
        "create index if not exists outbox_message_unsent_idx on outbox_message (id)"
            + " where published_at is null and set_aside_at is null");
  }
}
