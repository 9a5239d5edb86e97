package org.trainset.dicom.medical;

import java.util.List;
import java.util.regex.Pattern;

/** File layout and naming rules of the {@code aihub.medical} family (see docs/formats/aihub.medical.md). */
final class MedicalLayout {
  static final String MAMMO_DIR = "mammography";
  static final String CASES_CSV = "mammography/cases.csv";
  static final String FUNDUS_DIR = "fundus";
  static final String FUNDUS_CSV = "fundus/fundus.csv";
  static final String FUNDUS_IMAGES = "fundus/images";
  static final String LESIONS_JSON = "lesions.json";
  /** Per patient folder: radiology/pathology report files (txt inline, others by path). */
  static final String REPORTS_DIR = "reports";
  static final List<String> VIEWS = List.of("RCC", "LCC", "RMLO", "LMLO");
  static final List<String> CASE_COLUMNS = List.of("patient_id", "class", "birads", "device", "model", "pathology");
  static final List<String> FUNDUS_COLUMNS = List.of("serial", "file_name", "type", "code", "laser_treatment", "eye", "device");
  static final Pattern FUNDUS_NAME = Pattern.compile("(General|Wide)_(Normal|Glaucoma|AMD|DMR|RVO)_(\\d{4})_([LR])\\.jpg");
  static final Pattern MAMMO_NAME = Pattern.compile("(.+)_(RCC|LCC|RMLO|LMLO)\\.dcm");

  private MedicalLayout() {}
}
