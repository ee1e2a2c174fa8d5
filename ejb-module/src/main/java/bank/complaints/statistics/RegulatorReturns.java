package bank.complaints.statistics;

import bank.complaints.common.InvalidRequestException;
import bank.complaints.complaint.Regions;
import bank.complaints.platform.BankZone;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Beyond-rule 42: the regulator's complaint-statistics return for a period, from the complaints
 * themselves: region (the complaint's, else the bank's), business category (by the responsible
 * department, {@code return_business_map}), cause (by the category, {@code return_cause_map}); a
 * complaint no mapping reaches counts under 99 (other). Concluded: closed, referred outside or
 * archived.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class RegulatorReturns {

  /** What the return counts under when no mapping reaches a complaint. */
  static final String OTHER = "99";

  @Resource(lookup = "jdbc/complaints")
  DataSource dataSource;

  @Inject @BankZone ZoneId bankZone;

  @Inject Regions regions;

  public RegulatorReturn of(LocalDate from, LocalDate to) {
    if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= StatisticsReports.MAX_DAYS) {
      throw new InvalidRequestException(
          "A return covers 1 to "
              + StatisticsReports.MAX_DAYS
              + " days; "
              + from
              + " to "
              + to
              + " is not.");
    }
    try (Connection connection = dataSource.getConnection()) {
      Map<String, String> names = codeNames(connection);
      Map<List<String>, long[]> cells = new TreeMap<>(RegulatorReturns::compare);
      try (PreparedStatement statement =
          connection.prepareStatement(
              "select c.region, b.business_code, m.cause_code, count(*),"
                  + " sum(case when c.status in ('CLOSED', 'REFERRED_OUTSIDE', 'ARCHIVED')"
                  + " then 1 else 0 end)"
                  + " from complaint c"
                  + " left join return_business_map b on b.department_code = c.department_code"
                  + " left join return_cause_map m on m.category = c.category"
                  + " where c.feedback_type = 'COMPLAINT' and c.received_at >= ?"
                  + " and c.received_at < ?"
                  + " group by c.region, b.business_code, m.cause_code")) {
        statement.setObject(1, from.atStartOfDay(bankZone).toOffsetDateTime());
        statement.setObject(2, to.plusDays(1).atStartOfDay(bankZone).toOffsetDateTime());
        try (ResultSet r = statement.executeQuery()) {
          while (r.next()) {
            List<String> key =
                List.of(
                    r.getString(1) == null ? regions.defaultRegion() : r.getString(1),
                    r.getString(2) == null ? OTHER : r.getString(2),
                    r.getString(3) == null ? OTHER : r.getString(3));
            long[] sums = cells.computeIfAbsent(key, k -> new long[2]);
            sums[0] += r.getLong(4);
            sums[1] += r.getLong(5);
          }
        }
      }
      List<RegulatorReturn.Row> rows = new ArrayList<>();
      long received = 0;
      long concluded = 0;
      for (Map.Entry<List<String>, long[]> cell : cells.entrySet()) {
        List<String> key = cell.getKey();
        rows.add(
            new RegulatorReturn.Row(
                key.get(0),
                regions.name(key.get(0)).orElse("未知 unknown"),
                key.get(1),
                names.getOrDefault("BUSINESS/" + key.get(1), key.get(1)),
                key.get(2),
                names.getOrDefault("CAUSE/" + key.get(2), key.get(2)),
                cell.getValue()[0],
                cell.getValue()[1]));
        received += cell.getValue()[0];
        concluded += cell.getValue()[1];
      }
      return new RegulatorReturn(
          RegulatorReturn.TEMPLATE, from, to, List.copyOf(rows), received, concluded);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Reading the regulator's return failed: " + e.getMessage(), e);
    }
  }

  private static int compare(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static Map<String, String> codeNames(Connection connection) throws SQLException {
    Map<String, String> names = new HashMap<>();
    try (PreparedStatement statement =
            connection.prepareStatement("select list, code, name from return_code");
        ResultSet r = statement.executeQuery()) {
      while (r.next()) {
        names.put(r.getString(1) + "/" + r.getString(2), r.getString(3));
      }
    }
    return names;
  }
}
