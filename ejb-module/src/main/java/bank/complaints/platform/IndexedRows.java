package bank.complaints.platform;

import java.lang.reflect.Method;
import java.util.logging.Logger;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.descriptors.ObjectBuilder;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.internal.sessions.AbstractRecord;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.sessions.DatabaseRecord;
import org.eclipse.persistence.sessions.Session;

/**
 * Issue 18: the row EclipseLink builds to insert an entity is filled column by column through
 * {@code AbstractRecord.put}, which first looks for the column among those already in the row by a
 * linear search comparing names ({@code DatabaseField.equals}). A row of n columns so costs n²/2
 * comparisons: about 950 for a complaint's 44 columns, some 2,200 a registration, 3.6 % of the
 * server's CPU samples at saturation (JFR, 2026-12-08: {@code DatabaseField.equals}, {@code
 * Vector.indexOf} and the upper-casing under them, all below {@code ObjectBuilder.buildRow}).
 *
 * <p>The rows built here ({@link Row}) remember in a small bit filter which column names they hold,
 * folded to upper case. Two fields EclipseLink holds equal have the same name up to the case of its
 * ASCII letters, so a column whose bit is clear is not in the row and is appended without the
 * search; when the bit is set, or a name is not plain ASCII without a dot, the search runs as
 * before. What is stored and in which order is exactly what {@code put} would have stored.
 */
public class IndexedRows implements SessionCustomizer {

  private static final Logger LOG = Logger.getLogger(IndexedRows.class.getName());

  /**
   * Gives every descriptor of the session an object builder that builds {@link Row}s. Runs before
   * the session logs in, when no builder has been initialised; a builder that has (nothing here
   * does that) is left as it is.
   */
  @Override
  public void customize(Session session) throws ReflectiveOperationException {
    // Protected in EclipseLink 4.0: no other way to give a descriptor its builder.
    Method setObjectBuilder =
        ClassDescriptor.class.getDeclaredMethod("setObjectBuilder", ObjectBuilder.class);
    setObjectBuilder.setAccessible(true);
    for (ClassDescriptor descriptor : session.getDescriptors().values()) {
      ObjectBuilder builder = descriptor.getObjectBuilder();
      if (builder.getClass() == ObjectBuilder.class && builder.getMappingsByField().isEmpty()) {
        setObjectBuilder.invoke(descriptor, new Builder(descriptor));
      } else {
        LOG.warning(
            () ->
                "rows of "
                    + descriptor.getJavaClassName()
                    + " are built by EclipseLink's own records: its builder was "
                    + builder.getClass().getName());
      }
    }
  }

  /** An object builder whose rows are {@link Row}s. */
  static final class Builder extends ObjectBuilder {

    Builder(ClassDescriptor descriptor) {
      super(descriptor);
    }

    @Override
    public AbstractRecord createRecord(AbstractSession session) {
      return new Row(16);
    }

    @Override
    public AbstractRecord createRecord(int size, AbstractSession session) {
      return new Row(size);
    }
  }

  /**
   * A database row that knows, without a search, most of the columns it does not hold. Its filter
   * only ever gains bits (a bit set for a column since removed costs a search, never a wrong
   * answer); once the row's fields change other than through {@link #add}, it searches always.
   */
  static final class Row extends DatabaseRecord {

    private static final int BITS = 1024;

    private long[] names = new long[BITS / 64];

    /** How many fields {@link #add} appended; the row is searched always once it differs. */
    private int added;

    private boolean searchAlways;

    Row(int size) {
      super(size);
    }

    @Override
    public void add(DatabaseField key, Object value) {
      super.add(key, value);
      added++;
      int bit = bitOf(key);
      if (bit < 0) {
        searchAlways = true;
      } else {
        names[bit >>> 6] |= 1L << bit;
      }
    }

    @Override
    public Object put(DatabaseField key, Object value) {
      if (!searchAlways && added != size()) {
        searchAlways = true; // changed by another way (removed, cleared): the filter is not kept
      }
      int bit = searchAlways ? -1 : bitOf(key);
      if (bit >= 0 && (names[bit >>> 6] & (1L << bit)) == 0) {
        add(key, value);
        return null;
      }
      return super.put(key, value);
    }

    @Override
    public Row clone() {
      Row clone = (Row) super.clone();
      clone.names = names.clone();
      return clone;
    }

    /**
     * The field's bit: a hash of its name with ASCII letters in upper case; -1 for a name with
     * another character or a dot, whose equal fields the fold might not find.
     */
    static int bitOf(DatabaseField field) {
      String name = field.getName();
      if (name == null) {
        return -1;
      }
      int hash = 0;
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c >= 128 || c == '.') {
          return -1;
        }
        if (c >= 'a' && c <= 'z') {
          c -= 'a' - 'A';
        }
        hash = 31 * hash + c;
      }
      hash ^= hash >>> 16;
      return hash & (BITS - 1);
    }
  }
}
