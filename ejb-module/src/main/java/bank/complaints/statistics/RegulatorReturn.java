package bank.complaints.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * Beyond-rule 42: a period's complaints as the regulator's return counts them (modelled on the NFRA
 * banking consumer-complaint statistics return, 银行业消费投诉统计表): one row per region, business category
 * and cause, with the complaints received in the period (bank days, both ends included) and how
 * many of them are concluded.
 */
public record RegulatorReturn(
    String template, LocalDate from, LocalDate to, List<Row> rows, long received, long concluded) {

  public static final String TEMPLATE =
      "银行业消费投诉统计表 (NFRA banking consumer-complaint statistics): 地区 x 业务类别 x 投诉原因";

  /** One cell group of the return. */
  public record Row(
      String regionCode,
      String region,
      String businessCode,
      String business,
      String causeCode,
      String cause,
      long received,
      long concluded) {}
}
