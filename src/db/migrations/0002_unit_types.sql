-- Unit types from the glossary. They are reference data, not code: a federation can add its own.
INSERT INTO unit_type (code, name_vi, name_en, abbrev_vi, sort_order, is_grassroots) VALUES
  ('confederation', 'Tổng Liên đoàn Lao động Việt Nam', 'Vietnam General Confederation of Labour', 'TLĐ', 10, false),
  ('provincial_federation', 'Liên đoàn Lao động tỉnh, thành phố', 'Provincial labour federation', 'LĐLĐ tỉnh', 20, false),
  ('district_federation', 'Liên đoàn Lao động huyện, thành, thị', 'District labour federation', 'LĐLĐ huyện', 30, false),
  ('sector_union', 'Công đoàn ngành', 'Sector union', 'CĐ ngành', 40, false),
  ('zone_union', 'Công đoàn Khu kinh tế, Khu công nghiệp', 'Economic or industrial zone union', 'CĐ KKT', 50, false),
  ('commune_union', 'Công đoàn xã, phường', 'Commune union', 'CĐ xã', 60, false),
  ('grassroots_union', 'Công đoàn cơ sở', 'Grassroots union', 'CĐCS', 70, true),
  ('member_grassroots_union', 'Công đoàn cơ sở thành viên', 'Member grassroots union', 'CĐCS TV', 80, true),
  ('trade_association_union', 'Nghiệp đoàn', 'Trade-association union', 'NĐ', 85, true),
  ('union_section', 'Công đoàn bộ phận', 'Union section', 'CĐBP', 90, false),
  ('union_team', 'Tổ công đoàn', 'Union team', 'Tổ CĐ', 100, false);
