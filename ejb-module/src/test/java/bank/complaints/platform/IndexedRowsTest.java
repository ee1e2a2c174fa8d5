package bank.complaints.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.persistence.descriptors.RelationalDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.internal.sessions.AbstractRecord;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.DatabaseRecord;
import org.eclipse.persistence.sessions.Project;
import org.eclipse.persistence.sessions.Session;
import org.junit.jupiter.api.Test;

/** Issue 18: rows built without a search per column hold exactly what EclipseLink's would. */
class IndexedRowsTest {

  /** Fields that EclipseLink holds equal in all the ways it can: case, table, qualification. */
  private static List<DatabaseField> fields() {
    List<DatabaseField> fields = new ArrayList<>();
    String[] names = {"id", "ID", "Id", "received_at", "RECEIVED_AT", "subject", "x", "ıd", "İD"};
    String[] tables = {null, "complaint", "COMPLAINT", "case_event"};
    for (String name : names) {
      for (String table : tables) {
        for (boolean upper : new boolean[] {false, true}) {
          DatabaseField field =
              table == null ? new DatabaseField(name) : new DatabaseField(name, table);
          field.useUpperCaseForComparisons(upper);
          fields.add(field);
        }
      }
    }
    fields.add(new DatabaseField("complaint.\"id\"", "\"", "\"")); // delimited
    return fields;
  }

  @Test
  void holdsExactlyWhatEclipseLinksRowHoldsAfterAnySequenceOfChanges() {
    List<DatabaseField> pool = fields();
    Random random = new Random(18);
    for (int sequence = 0; sequence < 5_000; sequence++) {
      AbstractRecord plain = new DatabaseRecord(4);
      AbstractRecord indexed = new IndexedRows.Row(4);
      int steps = 1 + random.nextInt(60);
      for (int step = 0; step < steps; step++) {
        DatabaseField field = pool.get(random.nextInt(pool.size()));
        Object value = step;
        int op = random.nextInt(100);
        if (op < 85) {
          assertEquals(plain.put(field, value), indexed.put(field, value));
        } else if (op < 92) {
          plain.add(field, value);
          indexed.add(field, value);
        } else if (op < 98) {
          assertEquals(plain.remove(field), indexed.remove(field));
        } else if (op < 99) {
          plain = plain.clone();
          indexed = indexed.clone();
        } else {
          plain.clear();
          indexed.clear();
        }
        assertEquals(plain.getFields().size(), indexed.getFields().size(), "sequence " + sequence);
        for (int i = 0; i < plain.getFields().size(); i++) {
          assertSame(plain.getFields().get(i), indexed.getFields().get(i), "sequence " + sequence);
        }
        assertEquals(plain.getValues(), indexed.getValues(), "sequence " + sequence);
      }
    }
  }

  @Test
  void aRowOfDistinctColumnsIsBuiltInTheirOrder() {
    AbstractRecord row = new IndexedRows.Row(44);
    List<DatabaseField> columns = new ArrayList<>();
    for (int i = 0; i < 44; i++) {
      DatabaseField column = new DatabaseField("COLUMN_" + i, "COMPLAINT");
      column.useUpperCaseForComparisons(true);
      columns.add(column);
      row.put(column, i);
    }
    DatabaseField again = new DatabaseField("column_7", "COMPLAINT");
    again.useUpperCaseForComparisons(true);
    row.put(again, "again"); // the same column: replaced
    assertEquals(columns, row.getFields());
    assertEquals("again", row.get(columns.get(7)));
  }

  @Test
  void everyDescriptorOfTheSessionBuildsIndexedRows() throws Exception {
    RelationalDescriptor descriptor = new RelationalDescriptor();
    descriptor.setJavaClass(Sample.class);
    descriptor.setTableName("SAMPLE");
    descriptor.addPrimaryKeyFieldName("SAMPLE.ID");
    descriptor.addDirectMapping("id", "ID");
    Project project = new Project(new DatabaseLogin());
    project.addDescriptor(descriptor);
    Session session = project.createDatabaseSession();

    new IndexedRows().customize(session);

    assertInstanceOf(IndexedRows.Builder.class, descriptor.getObjectBuilder());
    assertInstanceOf(IndexedRows.Row.class, descriptor.getObjectBuilder().createRecord(null));
    assertInstanceOf(IndexedRows.Row.class, descriptor.getObjectBuilder().createRecord(3, null));
  }

  /** A class for a descriptor. */
  public static class Sample {
    public long id;
  }
}
