package bank.complaints.department;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class DepartmentCodeConverter implements AttributeConverter<DepartmentCode, String> {

  @Override
  public String convertToDatabaseColumn(DepartmentCode code) {
    return code == null ? null : code.value();
  }

  @Override
  public DepartmentCode convertToEntityAttribute(String value) {
    return value == null ? null : new DepartmentCode(value);
  }
}
