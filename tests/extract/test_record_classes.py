"""Record classes of issue 11 (class 7), each shape in invented Dutch and English sentences:
the status (set, broken, standing), the kind (national is no world record; lowland, junior,
championship, personal, season best, Olympic), what names no record ("bijna", "would have
been", "world-record pace", "hoped to break"), whose a record is (the old mark's holder, a
team's country, "haar eigen record") and the time and distance of its own clause.

Why a file of its own: these are the general ways reporters write about records, written to
check that the record rules hold on sentences they were not written from. A record told
without holder or time ("net boven het wereldrecord") says nothing a reader could use and is
not reported."""

from __future__ import annotations

import pytest

from tests.extract.test_record_shapes import Row, records, shape

# Each text states exactly these records (none, for an empty set).
EXACT = [
    shape(
        "nl_staat_op_naam",
        "Femke Kok won de 500 meter in 36,90. Het wereldrecord staat op naam van Erin Jackson.",
        ("world", "existing", "Erin Jackson", "500m", None),
    ),
    shape(
        "nl_is_houder",
        "Jordan Stolz won de 1000 meter in 1.07,10. Stolz is houder van het wereldrecord.",
        ("world", "existing", "Jordan Stolz", "1000m", None),
    ),
    shape(
        "en_wr_holder_apposition",
        "World-record holder Jordan Stolz won the 1000 meters in 1:06.90.",
        ("world", "existing", "Jordan Stolz", "1000m", None),
    ),
    shape(
        "nl_net_boven_holderless_is_dropped",
        "Miho Takagi won de 1500 meter in 1.50,20, net boven het wereldrecord.",
    ),
    shape(
        "nl_dicht_bij_holderless_is_dropped",
        "Joy Beune won de 3000 meter in 3.53,90, een tijd die dicht bij het wereldrecord ligt.",
    ),
    shape(
        "en_holds_wr_with_time",
        "Erin Jackson, who holds the world record of 36.09, won the 500 meters in 36.80.",
        ("world", "existing", "Erin Jackson", "500m", "36.09"),
    ),
    shape(
        "nl_in_handen_van_with_time",
        "Kjeld Nuis won de 1500 meter in 1.42,30. Het baanrecord is met 1.41,80 in handen van"
        " Thomas Krol.",
        ("track", "existing", "Thomas Krol", "1500m", "1:41.80"),
    ),
    shape(
        "en_from_to",
        "Femke Kok lowered the world record on the 500 meters from 36.36 to 36.05.",
        ("world", "set", "Femke Kok", "500m", "36.05"),
        ("world", "broken", None, "500m", "36.36"),
    ),
    shape(
        "nl_van_naar",
        "Jenning de Boo bracht het Nederlands record op de 500 meter van 34,08 naar 33,87.",
        ("national", "set", "Jenning de Boo", "500m", "33.87"),
        ("national", "broken", None, "500m", "34.08"),
    ),
    shape(
        "en_bettering_prev",
        "Joy Beune won the 3000 meters in 3:54.20, bettering the previous track record of 3:55.10.",
        ("track", "set", "Joy Beune", "3000m", "3:54.20"),
        ("track", "broken", None, "3000m", "3:55.10"),
    ),
    shape(
        "nl_verbeterde_baanrecord_van",
        "Kjeld Nuis won de 1500 meter in 1.41,70 en verbeterde het baanrecord van Thomas Krol.",
        ("track", "set", "Kjeld Nuis", "1500m", "1:41.70"),
        ("track", "broken", "Thomas Krol", "1500m", None),
    ),
    shape(
        "nl_oude_record_van_met_tijd",
        "Femke Kok reed op de 500 meter 36,05, een wereldrecord. Het oude record van Lee "
        "Sang-hwa (36,36) sneuvelde daarmee.",
        ("world", "set", "Femke Kok", "500m", "36.05"),
        ("world", "broken", "Lee Sang-hwa", "500m", "36.36"),
    ),
    shape(
        "nl_scherpte_eigen",
        "Joy Beune scherpte op de 1500 meter haar eigen baanrecord aan tot 1.53,10.",
        ("track", "set", "Joy Beune", "1500m", "1:53.10"),
    ),
    shape(
        "nl_dook_onder_wr",
        "Jordan Stolz won de 1000 meter in 1.05,90 en dook daarmee onder het wereldrecord.",
        ("world", "set", "Jordan Stolz", "1000m", "1:05.90"),
    ),
    shape(
        "en_shattered",
        "Miho Takagi shattered the world record in the 1500 meters, winning in 1:49.50.",
        ("world", "set", "Miho Takagi", "1500m", "1:49.50"),
    ),
    shape(
        "en_wr_time_in_parens",
        "Jordan Stolz won the 1000 meters in a world record (1:05.80).",
        ("world", "set", "Jordan Stolz", "1000m", "1:05.80"),
    ),
    shape(
        "en_set_new_track_record_of",
        "Erin Jackson set a new track record of 36.50 to win the 500 meters.",
        ("track", "set", "Erin Jackson", "500m", "36.50"),
    ),
    shape(
        "nl_wr_op_de_1500",
        "Miho Takagi reed zaterdag een wereldrecord op de 1500 meter: 1.49,60.",
        ("world", "set", "Miho Takagi", "1500m", "1:49.60"),
    ),
    shape(
        "nl_nationaal_record",
        "Jenning de Boo won de 500 meter in 33,90, een nationaal record.",
        ("national", "set", "Jenning de Boo", "500m", "33.90"),
    ),
    shape(
        "en_canadian_record",
        "Laurent Dubreuil won the 500 meters in 33.95, a Canadian record.",
        ("national", "set", "Laurent Dubreuil", "500m", "33.95"),
    ),
    shape(
        "nl_laaglandrecord",
        "Joy Beune won de 1500 meter in 1.53,40, een laaglandrecord.",
        ("other", "set", "Joy Beune", "1500m", "1:53.40"),
    ),
    shape(
        "nl_juniorenwereldrecord",
        "Finn Sonnekalb won de 1500 meter in 1.43,50, een juniorenwereldrecord.",
        ("junior_world", "set", "Finn Sonnekalb", "1500m", "1:43.50"),
    ),
    shape(
        "nl_kampioenschapsrecord",
        "Kjeld Nuis won de 1000 meter in 1.07,20, een kampioenschapsrecord.",
        ("championship", "set", "Kjeld Nuis", "1000m", "1:07.20"),
    ),
    shape(
        "nl_pr",
        "Marijke Groenewoud werd vijfde op de 1500 meter in 1.54,30, een persoonlijk record.",
        ("personal", "set", "Marijke Groenewoud", "1500m", "1:54.30"),
    ),
    shape(
        "nl_pr_abbrev",
        "Marijke Groenewoud werd vijfde op de 1500 meter in 1.54,30, een PR.",
        ("personal", "set", "Marijke Groenewoud", "1500m", "1:54.30"),
    ),
    shape(
        "en_personal_best",
        "Brittany Bowe finished fourth in the 1000 meters in a personal best of 1:13.10.",
        ("personal", "set", "Brittany Bowe", "1000m", "1:13.10"),
    ),
    shape(
        "nl_seizoensbeste",
        "Femke Kok won de 500 meter in 36,95, haar seizoensbeste tijd.",
        ("season_best", "set", "Femke Kok", "500m", "36.95"),
    ),
    shape(
        "en_olympic_record",
        "Erin Jackson won Olympic gold in the 500 meters in 36.70, an Olympic record.",
        ("olympic", "set", "Erin Jackson", "500m", "36.70"),
    ),
    shape(
        "nl_olympisch_record",
        "Thomas Krol won de 1000 meter in 1.07,30, een olympisch record.",
        ("olympic", "set", "Thomas Krol", "1000m", "1:07.30"),
    ),
    shape(
        "nl_net_geen_baanrecord",
        "Femke Kok won de 500 meter in 37,05, net geen baanrecord.",
    ),
    shape(
        "nl_bleef_buiten_bereik",
        "Joy Beune won de 3000 meter in 3.56,40. Het wereldrecord bleef buiten bereik.",
    ),
    shape(
        "en_hoped_to_break",
        "Jordan Stolz hoped to break the world record but won the 1000 meters in 1:06.80.",
    ),
    shape(
        "en_no_record_this_time",
        "Erin Jackson won the 500 meters in 37.00, but there was no track record this time.",
    ),
    shape(
        "nl_bijna_wr",
        "Miho Takagi won de 1500 meter in 1.49,90: bijna een wereldrecord.",
    ),
    shape(
        "en_fell_just_short",
        "Miho Takagi won the 1500 meters in 1:49.90, just short of the world record.",
    ),
    shape(
        "nl_team_pursuit_wr_country",
        "Bij de mannen won Nederland de ploegenachtervolging in 3.34,10, een wereldrecord.",
        ("world", "set", "Netherlands", "team pursuit", "3:34.10"),
    ),
    shape(
        "en_team_pursuit_wr_country",
        "Japan won the women's team pursuit in a world record of 2:49.00.",
        ("world", "set", "Japan", "team pursuit", "2:49.00"),
    ),
    shape(
        "nl_haar_eigen_record",
        "Femke Kok won de 500 meter in 36,20 en verbeterde daarmee haar eigen wereldrecord.",
        ("world", "set", "Femke Kok", "500m", "36.20"),
        ("world", "broken", "Femke Kok", "500m", None),
    ),
    shape(
        "en_her_own_record",
        "Femke Kok won the 500 meters in 36.20, improving her own world record.",
        ("world", "set", "Femke Kok", "500m", "36.20"),
        ("world", "broken", "Femke Kok", "500m", None),
    ),
    shape(
        "en_held_by_old",
        "Jordan Stolz won the 1500 meters in 1:40.90, breaking the world record held by Kjeld"
        " Nuis.",
        ("world", "set", "Jordan Stolz", "1500m", "1:40.90"),
        ("world", "broken", "Kjeld Nuis", "1500m", None),
    ),
    shape(
        "nl_no_time_stated",
        "Femke Kok won de 500 meter met een baanrecord.",
        ("track", "set", "Femke Kok", "500m", None),
    ),
    shape(
        "en_record_time_same_clause",
        "Kjeld Nuis was second in 1:42.50. Jordan Stolz won in 1:41.80, a track record.",
        ("track", "set", "Jordan Stolz", "1500m", "1:41.80"),
    ),
    shape(
        "en_broke_own_wr_with_time",
        "Jordan Stolz broke his own world record in the 1000 meters, clocking 1:05.37 on Saturday.",
        ("world", "set", "Jordan Stolz", "1000m", "1:05.37"),
        ("world", "broken", "Jordan Stolz", "1000m", None),
    ),
    shape(
        "en_erasing_mark_of",
        "Jordan Stolz won the 1500 meters in 1:40.50, erasing the track record of 1:41.20 "
        "held by Kjeld Nuis.",
        ("track", "set", "Jordan Stolz", "1500m", "1:40.50"),
        ("track", "broken", "Kjeld Nuis", "1500m", "1:41.20"),
    ),
    shape(
        "en_possessive_old_mark",
        "Femke Kok won the 500 meters in 36.05, breaking Erin Jackson's world record of 36.09.",
        ("world", "set", "Femke Kok", "500m", "36.05"),
        ("world", "broken", "Erin Jackson", "500m", "36.09"),
    ),
    shape(
        "nl_wr_van_X_uit_jaar",
        "Jordan Stolz reed op de 1500 meter 1.40,90 en verbrak daarmee het wereldrecord van "
        "Kjeld Nuis uit 2019.",
        ("world", "set", "Jordan Stolz", "1500m", "1:40.90"),
        ("world", "broken", "Kjeld Nuis", "1500m", None),
    ),
    shape(
        "nl_dat_is_wr",
        "Femke Kok reed op de 500 meter 36,05. Dat is een wereldrecord.",
        ("world", "set", "Femke Kok", "500m", "36.05"),
    ),
    shape(
        "nl_het_oude_record_stond_op",
        "Femke Kok won de 500 meter in 36,05, een wereldrecord. Het oude record stond op 36,09.",
        ("world", "set", "Femke Kok", "500m", "36.05"),
        ("world", "broken", None, "500m", "36.09"),
    ),
    shape(
        "en_the_old_record_was",
        "Femke Kok won the 500 meters in 36.05, a world record. The old record was 36.09.",
        ("world", "set", "Femke Kok", "500m", "36.05"),
        ("world", "broken", None, "500m", "36.09"),
    ),
    shape(
        "en_pb_in_parens",
        "Kai Verbij finished fifth in 1:08.10 (personal best).",
        ("personal", "set", "Kai Verbij", "1000m", "1:08.10"),
    ),
    shape(
        "nl_pr_na_tijd",
        "Kai Verbij werd vijfde op de 1000 meter in 1.08,10, goed voor een persoonlijk record.",
        ("personal", "set", "Kai Verbij", "1000m", "1:08.10"),
    ),
    shape(
        "en_national_record_setter_second",
        "Kim Min-sun finished second in 37.10, a Korean national record.",
        ("national", "set", "Kim Min-sun", "500m", "37.10"),
    ),
    shape(
        "en_tp_us_record",
        "The United States won the men's team pursuit in 3:34.50, an American record.",
        ("national", "set", "United States", "team pursuit", "3:34.50"),
    ),
    shape(
        "nl_tp_nl_record_women",
        "De Nederlandse vrouwen wonnen de ploegenachtervolging in 2.52,80, een baanrecord.",
        ("track", "set", "Netherlands", "team pursuit", "2:52.80"),
    ),
    shape(
        "nl_existing_since",
        "Het baanrecord op de 1000 meter staat sinds 2022 op naam van Kjeld Nuis. Thomas Krol"
        " won de 1000 meter in 1.08,30.",
        ("track", "existing", "Kjeld Nuis", "1000m", None),
    ),
    shape(
        "en_standing_wr_with_time_of",
        "Thomas Krol won the 1000 meters in 1:07.40. Pavel Kulizhnikov's world record of "
        "1:05.69 still stands.",
        ("world", "existing", "Pavel Kulizhnikov", "1000m", "1:05.69"),
    ),
    shape(
        "en_olympic_record_holder",
        "Olympic record holder Erin Jackson won the 500 meters in 37.01.",
        ("olympic", "existing", "Erin Jackson", "500m", None),
    ),
    shape(
        "nl_wereldrecordhoudster",
        "Wereldrecordhoudster Miho Takagi won de 1500 meter in 1.53,20.",
        ("world", "existing", "Miho Takagi", "1500m", None),
    ),
    shape(
        "nl_houdster_apposition",
        "Miho Takagi, houdster van het wereldrecord, won de 1500 meter in 1.53,20.",
        ("world", "existing", "Miho Takagi", "1500m", None),
    ),
    shape(
        "en_seconds_off_wr",
        "Joy Beune won the 3000 meters in 3:56.40, nearly four seconds off the world record.",
    ),
    shape(
        "en_wr_out_of_reach",
        "Joy Beune won the 3000 meters in 3:56.40; the world record was never in danger.",
    ),
    shape(
        "nl_season_best_english",
        "Erin Jackson won the 500 meters in 36.90, a season's best.",
        ("season_best", "set", "Erin Jackson", "500m", "36.90"),
    ),
    shape(
        "en_pb_for_second",
        "Jutta Leerdam won the 1000 meters in 1:12.60. Femke Kok was second in a personal "
        "best of 1:13.00.",
        ("personal", "set", "Femke Kok", "1000m", "1:13.00"),
    ),
    shape(
        "nl_pr_voor_tweede",
        "Jutta Leerdam won de 1000 meter in 1.12,60. Femke Kok werd tweede met een "
        "persoonlijk record van 1.13,00.",
        ("personal", "set", "Femke Kok", "1000m", "1:13.00"),
    ),
    shape(
        "en_lowland_record",
        "Joy Beune won the 1500 meters in 1:53.40, a lowland record.",
        ("other", "set", "Joy Beune", "1500m", "1:53.40"),
    ),
    shape(
        "en_wr_on_the_distance_other_time_nearer",
        "Femke Kok set a world record on the 500 meters with 36.05; Erin Jackson was second "
        "in 36.40.",
        ("world", "set", "Femke Kok", "500m", "36.05"),
    ),
    shape(
        "nl_record_no_time",
        "Jordan Stolz reed op de 1000 meter een wereldrecord.",
        ("world", "set", "Jordan Stolz", "1000m", None),
    ),
    shape(
        "en_record_no_time",
        "Jordan Stolz skated a world record in the 1000 meters.",
        ("world", "set", "Jordan Stolz", "1000m", None),
    ),
    shape(
        "nl_kampioenschapsrecord_ek",
        "Bij het EK sprint reed Jenning de Boo op de 500 meter 34,12, een kampioenschapsrecord.",
        ("championship", "set", "Jenning de Boo", "500m", "34.12"),
    ),
    shape(
        "nl_wk_record_existing",
        "Het kampioenschapsrecord op de 500 meter is in handen van Jenning de Boo.",
        ("championship", "existing", "Jenning de Boo", "500m", None),
    ),
    shape(
        "en_nearly_record",
        "Jutta Leerdam won the 1000 meters in 1:11.70, nearly a world record.",
    ),
    shape(
        "nl_net_niet_wr",
        "Jutta Leerdam won de 1000 meter in 1.11,70, net geen wereldrecord.",
    ),
    shape(
        "nl_geen_record_nieuw",
        "Er sneuvelde geen enkel record in Inzell. Femke Kok won de 500 meter in 37,02.",
    ),
    shape(
        "en_no_records_fell",
        "No records fell in Inzell. Femke Kok won the 500 meters in 37.02.",
    ),
    shape(
        "en_would_have_been",
        "Femke Kok won the 500 meters in 36.60, which would have been a track record last year.",
    ),
    shape(
        "nl_zou_zijn",
        "Femke Kok won de 500 meter in 36,60, wat vorig jaar nog een baanrecord zou zijn geweest.",
    ),
    shape(
        "en_world_record_pace",
        "Jordan Stolz was on world-record pace but finished in 1:06.50 to win the 1000 meters.",
    ),
    shape(
        "nl_wr_schema",
        "Jordan Stolz lag op wereldrecordschema, maar won de 1000 meter in 1.06,50.",
    ),
    shape(
        "nl_oude_wr_van_X_tijd_haakjes",
        "Femke Kok verbeterde op de 500 meter het oude wereldrecord van Erin Jackson (36,09) "
        "en klokte 36,05.",
        ("world", "set", "Femke Kok", "500m", "36.05"),
        ("world", "broken", "Erin Jackson", "500m", "36.09"),
    ),
    shape(
        "nl_record_van_X_uit_Y_gesneuveld",
        "Het baanrecord van Kjeld Nuis sneuvelde: Jordan Stolz won de 1500 meter in 1.41,00.",
        ("track", "set", "Jordan Stolz", "1500m", "1:41.00"),
        ("track", "broken", "Kjeld Nuis", "1500m", None),
    ),
    shape(
        "nl_nam_record_over",
        "Jordan Stolz won de 1000 meter in 1.05,50 en nam het wereldrecord over van Pavel "
        "Kulizhnikov.",
        ("world", "set", "Jordan Stolz", "1000m", "1:05.50"),
        ("world", "broken", "Pavel Kulizhnikov", "1000m", None),
    ),
    shape(
        "en_took_record_from",
        "Jordan Stolz won the 1000 meters in 1:05.50, taking the world record from Pavel "
        "Kulizhnikov.",
        ("world", "set", "Jordan Stolz", "1000m", "1:05.50"),
        ("world", "broken", "Pavel Kulizhnikov", "1000m", None),
    ),
    shape(
        "en_tp_broke_wr_norway",
        "Norway won the men's team pursuit in 3:33.90, breaking the world record of 3:34.10 "
        "set by the Netherlands.",
        ("world", "set", "Norway", "team pursuit", "3:33.90"),
        ("world", "broken", "Netherlands", "team pursuit", "3:34.10"),
    ),
    shape(
        "nl_ploeg_baanrecord_dames",
        "De Japanse vrouwen reden op de ploegenachtervolging een baanrecord van 2.53,10.",
        ("track", "set", "Japan", "team pursuit", "2:53.10"),
    ),
    shape(
        "en_team_sprint_wr",
        "Canada set a world record in the women's team sprint, clocking 1:24.50.",
        ("world", "set", "Canada", "team sprint", "1:24.50"),
    ),
    shape(
        "nl_wr_1500_and_other_time",
        "Op de 1000 meter won Thomas Krol in 1.07,80. Kjeld Nuis reed op de 1500 meter een "
        "baanrecord van 1.42,10.",
        ("track", "set", "Kjeld Nuis", "1500m", "1:42.10"),
    ),
    shape(
        "en_record_distance_named_after",
        "Miho Takagi set a track record of 1:52.30 in the 1500 meters, while Jutta Leerdam "
        "won the 1000 meters in 1:13.20.",
        ("track", "set", "Miho Takagi", "1500m", "1:52.30"),
    ),
    shape(
        "nl_two_records_two_skaters",
        "Jenning de Boo reed op de 500 meter een baanrecord van 34,10 en Joy Beune op de 1500"
        " meter een baanrecord van 1.53,50.",
        ("track", "set", "Jenning de Boo", "500m", "34.10"),
        ("track", "set", "Joy Beune", "1500m", "1:53.50"),
    ),
    shape(
        "en_record_after_semicolon_other_skater",
        "Erin Jackson won the 500 meters in 36.80; Kimi Goetz set a personal best of 37.02 in"
        " third.",
        ("personal", "set", "Kimi Goetz", "500m", "37.02"),
    ),
    shape(
        "nl_sneller_dan_het_wr",
        "Femke Kok was met 36,01 sneller dan het wereldrecord van Erin Jackson.",
        ("world", "set", "Femke Kok", "500m", "36.01"),
        ("world", "broken", "Erin Jackson", "500m", None),
    ),
    shape(
        "en_under_the_record",
        "Joy Beune won the 3000 meters in 3:55.00, more than a second under the track record.",
        ("track", "set", "Joy Beune", "3000m", "3:55.00"),
    ),
    shape(
        "en_below_old_mark",
        "Joy Beune won the 3000 meters in 3:55.00, well below the old track record of 3:56.40.",
        ("track", "set", "Joy Beune", "3000m", "3:55.00"),
        ("track", "broken", None, "3000m", "3:56.40"),
    ),
    shape(
        "nl_wr_staat_op_tijd",
        "Jutta Leerdam won de 1000 meter in 1.12,90. Het wereldrecord staat op 1.11,61 van "
        "Brittany Bowe.",
        ("world", "existing", "Brittany Bowe", "1000m", "1:11.61"),
    ),
    shape(
        "en_wr_is_time_by",
        "Jutta Leerdam won the 1000 meters in 1:12.90. The world record is 1:11.61, set by "
        "Brittany Bowe in 2019.",
        ("world", "existing", "Brittany Bowe", "1000m", "1:11.61"),
    ),
    shape(
        "nl_rival_after_margin_is_not_the_holder",
        "Door een baanrecord van 1.53,10 op de 1500 meter had Joy Beune een voorsprong van "
        "vier seconden op Marijke Groenewoud.",
        ("track", "set", "Joy Beune", "1500m", "1:53.10"),
    ),
    shape(
        "en_rival_ahead_of",
        "With a track record of 1:53.10 in the 1500 meters, Joy Beune finished well ahead of "
        "Marijke Groenewoud.",
        ("track", "set", "Joy Beune", "1500m", "1:53.10"),
    ),
    shape(
        "nl_history_record_year",
        "Femke Kok won de 500 meter in 36,90. In 2024 reed ze in Salt Lake City een "
        "wereldrecord van 36,09.",
        ("world", "set", "Femke Kok", "500m", "36.09"),
    ),
    shape(
        "nl_quote_pr",
        "Marijke Groenewoud werd vierde op de 1500 meter in 1.54,80. 'Dat is een persoonlijk "
        "record, daar ben ik blij mee', zei ze.",
        ("personal", "set", "Marijke Groenewoud", "1500m", "1:54.80"),
    ),
    shape(
        "en_quote_pb",
        "Brittany Bowe finished fourth in the 1000 meters in 1:13.40. \"That's a personal "
        "best, so I'm happy,\" she said.",
        ("personal", "set", "Brittany Bowe", "1000m", "1:13.40"),
    ),
    shape(
        "nl_record_own_distance_not_previous",
        "Na de 500 meter reed Jenning de Boo op de 1000 meter een baanrecord: 1.07,10.",
        ("track", "set", "Jenning de Boo", "1000m", "1:07.10"),
    ),
    shape(
        "en_time_before_record",
        "Jordan Stolz skated a 1:05.37 world record to win the 1000 meters.",
        ("world", "set", "Jordan Stolz", "1000m", "1:05.37"),
    ),
    shape(
        "en_time_before_record_pb",
        "Kimi Goetz was third with a 37.02 personal best in the 500 meters.",
        ("personal", "set", "Kimi Goetz", "500m", "37.02"),
    ),
    shape(
        "en_record_set_by_in",
        "Femke Kok won the 500 meters in 37.00. The track record of 36.50 was set by Erin "
        "Jackson in 2023.",
        ("track", "existing", "Erin Jackson", "500m", "36.50"),
    ),
    shape(
        "nl_record_gereden_door",
        "Femke Kok won de 500 meter in 37,00. Het baanrecord van 36,50 werd in 2023 gereden "
        "door Erin Jackson.",
        ("track", "existing", "Erin Jackson", "500m", "36.50"),
    ),
    shape(
        "en_tied_record",
        "Erin Jackson won the 500 meters in 36.50, equalling the track record.",
        ("track", "set", "Erin Jackson", "500m", "36.50"),
    ),
    shape(
        "nl_evenaarde",
        "Erin Jackson won de 500 meter in 36,50 en evenaarde daarmee het baanrecord.",
        ("track", "set", "Erin Jackson", "500m", "36.50"),
    ),
    shape(
        "nl_europees_record",
        "Jenning de Boo reed op de 500 meter 33,70, een Europees record.",
        ("continental", "set", "Jenning de Boo", "500m", "33.70"),
    ),
    shape(
        "en_asian_record",
        "Ning Zhongyan won the 1500 meters in 1:41.50, an Asian record.",
        ("continental", "set", "Ning Zhongyan", "1500m", "1:41.50"),
    ),
    shape(
        "nl_recordaantal",
        "Ireen Wüst won voor de zesde keer de titel, een record.",
    ),
    shape(
        "en_record_sixth_title",
        "Martina Sáblíková won a record 12th world title in the 5000 meters.",
    ),
    shape(
        "en_record_crowd",
        "A record crowd watched Jordan Stolz win the 1000 meters in 1:06.70.",
    ),
    shape(
        "nl_recordaantal_toeschouwers",
        "Voor een recordaantal toeschouwers won Jordan Stolz de 1000 meter in 1.06,70.",
    ),
    shape(
        "nl_voor_haar_was_dat_een_pr",
        "Marijke Groenewoud werd tweede op de 3000 meter in 3.57,10. Voor haar was dat een "
        "persoonlijk record.",
        ("personal", "set", "Marijke Groenewoud", "3000m", "3:57.10"),
    ),
    shape(
        "en_for_her_it_was_a_pb",
        "Kimi Goetz was third in the 500 meters in 37.05. For her it was a personal best.",
        ("personal", "set", "Kimi Goetz", "500m", "37.05"),
    ),
    shape(
        "en_title_then_verb_time_is_the_race",
        "Femke Kok, the world-record holder, was second in the 500 meters in 36.70.",
        ("world", "existing", "Femke Kok", "500m", None),
    ),
    shape(
        "en_who_also_holds_then_race_time",
        "Jordan Stolz, who also holds the world record, was fourth in the 1000 meters in 1:07.60.",
        ("world", "existing", "Jordan Stolz", "1000m", None),
    ),
    shape(
        "en_still_a_record_is_set",
        "Joy Beune won the 3000 meters in 3:56.10. It was still a track record.",
        ("track", "set", "Joy Beune", "3000m", "3:56.10"),
    ),
    shape(
        "nl_jacht_op_het_record_van_stands",
        "Joy Beune won de 3000 meter in 3.56,10. Ze ging op jacht naar het wereldrecord van "
        "Martina Sáblíková.",
        ("world", "existing", "Martina Sáblíková", "3000m", None),
    ),
    shape(
        "en_tp_mark_holder_is_not_setter",
        "Canada won the women's team pursuit in 2:54.00. Canada had hoped to break the world "
        "record of 2:50.76 held by Japan, but it was still a track record.",
        ("world", "existing", "Japan", "team pursuit", "2:50.76"),
        ("track", "set", "Canada", "team pursuit", "2:54.00"),
    ),
    shape(
        "en_off_the_mark_setter_named",
        "Sander Eitrem won the 5000 meters in 6:03.90, a track record, taking a second off "
        "the mark Patrick Roest had set in 2023.",
        ("track", "set", "Sander Eitrem", "5000m", "6:03.90"),
        ("track", "broken", "Patrick Roest", "5000m", None),
    ),
    shape(
        "en_quick_off_the_mark_is_no_record",
        "Jenning de Boo was quick off the mark and won the 500 meters in 34.20.",
    ),
    shape(
        "nl_niet_genoeg_voor_een_baanrecord",
        "Femke Kok won de 500 meter in 37,08. Dat was niet genoeg voor een baanrecord.",
    ),
    shape(
        "en_not_fast_enough_for_a_record",
        "Femke Kok won the 500 meters in 37.08, not fast enough for a track record.",
    ),
    shape(
        "nl_verbeterden_team",
        "De Nederlandse mannen wonnen de ploegenachtervolging in 3.38,20 en verbeterden "
        "daarmee het baanrecord van Noorwegen.",
        ("track", "set", "Netherlands", "team pursuit", "3:38.20"),
        ("track", "broken", "Norway", "team pursuit", None),
    ),
    shape(
        "nl_age_opener_is_no_continued_mark",
        "Ragne Wiklund bleef op de 3000 meter ruim boven het baanrecord. De 17-jarige Yuna "
        "Sato reed op de 1500 meter 1.56,30, een juniorenwereldrecord.",
        ("junior_world", "set", "Yuna Sato", "1500m", "1:56.30"),
    ),
    shape(
        "en_age_opener_is_no_continued_mark",
        "Ragne Wiklund stayed well outside the track record. The 17-year-old Yuna Sato "
        "clocked 1:56.30 in the 1500 meters, a junior world record.",
        ("junior_world", "set", "Yuna Sato", "1500m", "1:56.30"),
    ),
    shape(
        "en_the_skaters_time_was_a_season_best",
        "Jenning de Boo won the 500 meters in 33.62. The Dutchman's time was a season-best "
        "but well outside the world record of 33.52 that Jordan Stolz set last year.",
        ("season_best", "set", "Jenning de Boo", "500m", "33.62"),
        ("world", "existing", "Jordan Stolz", "500m", "33.52"),
    ),
    shape(
        "nl_haar_tijd_was_een_pr",
        "Marijke Groenewoud werd derde op de 1500 meter in 1.54,70. Haar tijd was een "
        "persoonlijk record.",
        ("personal", "set", "Marijke Groenewoud", "1500m", "1:54.70"),
    ),
    shape(
        "en_lowered_own_national_record_by_margin",
        "Laurent Dubreuil lowered his own Canadian record by three hundredths to 33.71 and "
        "finished second in the 500 meters.",
        ("national", "set", "Laurent Dubreuil", "500m", "33.71"),
        ("national", "broken", "Laurent Dubreuil", "500m", None),
    ),
    shape(
        "en_us_record",
        "Jordan Stolz won the 1500 meters in 1:41.10, a U.S. record.",
        ("national", "set", "Jordan Stolz", "1500m", "1:41.10"),
    ),
    shape(
        "en_french_record",
        "Timothy Loubineaud won the 5000 meters in 6:04.20, a French record.",
        ("national", "set", "Timothy Loubineaud", "5000m", "6:04.20"),
    ),
    shape(
        "nl_oostenrijks_record",
        "Vanessa Herzog reed op de 500 meter 37,01, een Oostenrijks record.",
        ("national", "set", "Vanessa Herzog", "500m", "37.01"),
    ),
    shape(
        "en_rink_record",
        "Erin Jackson won the 500 meters in 36.80, a rink record.",
        ("track", "set", "Erin Jackson", "500m", "36.80"),
    ),
    shape(
        "en_kazakh_record",
        "Nadezhda Morozova won the 3000 meters in 3:59.10, a Kazakh record.",
        ("national", "set", "Nadezhda Morozova", "3000m", "3:59.10"),
    ),
    shape(
        "nl_nationaal_record_chinees",
        "Ning Zhongyan won de 1500 meter in 1.41,80, een Chinees record.",
        ("national", "set", "Ning Zhongyan", "1500m", "1:41.80"),
    ),
    shape(
        "en_narrowly_missed_wr_of",
        "Femke Kok won the 500 meters in 36.12, narrowly missing Erin Jackson's world record.",
        ("world", "existing", "Erin Jackson", "500m", None),
    ),
    shape(
        "nl_scheelde_weinig",
        "Het scheelde weinig of Jutta Leerdam had een wereldrecord gereden: ze won de 1000 "
        "meter in 1.11,70.",
    ),
    shape(
        "en_missed_by_hundredths",
        "Jutta Leerdam won the 1000 meters in 1:11.70, missing the world record by nine "
        "hundredths.",
    ),
    shape(
        "nl_record_op_de_1000_with_other_distance_first",
        "Na haar zege op de 500 meter in 37,10 reed Femke Kok op de 1000 meter een baanrecord"
        " van 1.13,20.",
        ("track", "set", "Femke Kok", "1000m", "1:13.20"),
    ),
    shape(
        "en_record_distance_tied_to_record",
        "Jordan Stolz, who won the 500 meters in 34.01, also set a world record in the 1000 "
        "meters: 1:05.30.",
        ("world", "set", "Jordan Stolz", "1000m", "1:05.30"),
    ),
    shape(
        "en_record_no_time_not_nearest",
        "Erin Jackson won the 500 meters in 36.80 and Brittany Bowe broke the track record in"
        " the 1000 meters.",
        ("track", "set", "Brittany Bowe", "1000m", None),
    ),
    shape(
        "nl_daarmee_onder_eigen_baanrecord",
        "Bij de vrouwen won Femke Kok de 500 meter in 36,99. Daarmee dook ze onder haar eigen"
        " baanrecord van 37,04.",
        ("track", "set", "Femke Kok", "500m", "36.99"),
        ("track", "broken", "Femke Kok", "500m", "37.04"),
    ),
    shape(
        "nl_sneller_dan_laaglandrecord_van",
        "Kjeld Nuis won de 1500 meter. Hij klokte 1.42,88 en was daarmee sneller dan het "
        "laaglandrecord van Thomas Krol (1.43,01).",
        ("other", "set", "Kjeld Nuis", "1500m", "1:42.88"),
        ("other", "broken", "Thomas Krol", "1500m", "1:43.01"),
    ),
    shape(
        "en_set_a_world_record_of_time_in_winning",
        "Miho Takagi set a world record of 1:49.50 in winning the 1500 meters on Friday.",
        ("world", "set", "Miho Takagi", "1500m", "1:49.50"),
    ),
    shape(
        "en_world_record_time_of",
        "Jordan Stolz won the 1000 meters in a world-record time of 1:05.30.",
        ("world", "set", "Jordan Stolz", "1000m", "1:05.30"),
    ),
    shape(
        "en_improved_on_mark",
        "Erin Jackson won the 500 meters in 36.40, improving on the track record of 36.55 she"
        " set in 2024.",
        ("track", "set", "Erin Jackson", "500m", "36.40"),
        ("track", "broken", "Erin Jackson", "500m", "36.55"),
    ),
    shape(
        "en_track_record_holder_title_before",
        "Track record holder Kjeld Nuis finished third in 1:43.10 in the 1500 meters.",
        ("track", "existing", "Kjeld Nuis", "1500m", None),
    ),
    shape(
        "en_personal_best_by_hundredths",
        "Femke Kok was second in 36.70, a personal best by two hundredths.",
        ("personal", "set", "Femke Kok", "500m", "36.70"),
    ),
    shape(
        "nl_tp_wr_staat_op_naam_land",
        "Nederland won de ploegenachtervolging bij de vrouwen in 2.55,10. Het wereldrecord "
        "staat met 2.50,76 op naam van Japan.",
        ("world", "existing", "Japan", "team pursuit", "2:50.76"),
    ),
    shape(
        "en_tp_wr_held_by_country_men",
        "Norway won the men's team pursuit in 3:36.20. The world record of 3:34.22 belongs to"
        " the Netherlands.",
        ("world", "existing", "Netherlands", "team pursuit", "3:34.22"),
    ),
    shape(
        "nl_ts_baanrecord_land",
        "De Nederlandse mannen wonnen de teamsprint in 1.18,90, een baanrecord.",
        ("track", "set", "Netherlands", "team sprint", "1:18.90"),
    ),
    shape(
        "en_team_sprint_record_by_skaters",
        "Canada won the women's team sprint in 1:26.10, a track record, with Carolina Hiller,"
        " Ivanie Blondin and Brooklyn McDougall.",
        ("track", "set", "Canada", "team sprint", "1:26.10"),
    ),
    shape(
        "en_fell_short_of_her_pb",
        "Joy Beune finished third in the 1500 meters in 1:54.30, just short of her personal best.",
        ("personal", "existing", "Joy Beune", "1500m", None),
    ),
    shape(
        "nl_ver_boven_zijn_pr",
        "Kai Verbij werd zesde op de 1000 meter in 1.09,20, ver boven zijn persoonlijk record.",
        ("personal", "existing", "Kai Verbij", "1000m", None),
    ),
    shape(
        "en_no_pb_for",
        "Kimi Goetz was fifth in the 500 meters in 37.40, no personal best this time.",
    ),
    shape(
        "nl_geen_pr",
        "Kimi Goetz werd vijfde op de 500 meter in 37,40, geen persoonlijk record.",
    ),
    shape(
        "en_world_record_attempt",
        "Jordan Stolz's world record attempt in the 1500 meters ended in 1:42.30 and a win.",
    ),
    shape(
        "nl_wereldrecordpoging",
        "De wereldrecordpoging van Jordan Stolz op de 1500 meter strandde: hij won in 1.42,30.",
    ),
    shape(
        "nl_headline_and_body_one_record",
        "Kok rijdt wereldrecord in Salt Lake City\n"
        "\n"
        "Femke Kok heeft zaterdag de 500 meter gewonnen in een wereldrecord van 36,05. Het "
        "record was het eerste van het seizoen.",
        ("world", "set", "Femke Kok", "500m", "36.05"),
    ),
    shape(
        "en_headline_and_body_one_record",
        "Stolz breaks world record in 1,000\n"
        "\n"
        "Jordan Stolz won the 1000 meters in 1:05.30 on Friday, breaking the world record. "
        "The record came in the final pair.",
        ("world", "set", "Jordan Stolz", "1000m", "1:05.30"),
    ),
    shape(
        "en_record_again_later_paragraph",
        "Miho Takagi won the 1500 meters in a track record of 1:51.20.\n"
        "\n"
        "Joy Beune was second in 1:52.00.\n"
        "\n"
        "Takagi's track record was her first of the season.",
        ("track", "set", "Miho Takagi", "1500m", "1:51.20"),
    ),
]

# Each text states at least these records.
HOLDS = [
    shape(
        "en_previous_mark_of_held_by",
        "Miho Takagi won the 1500 meters in 1:49.50, a world record. The previous mark of "
        "1:49.83 was her own.",
        ("world", "set", "Miho Takagi", "1500m", "1:49.50"),
        ("world", "broken", "Miho Takagi", "1500m", "1:49.83"),
    ),
    shape(
        "en_whose_mark",
        "Femke Kok won the 500 meters in 36.05, a world record, ahead of Erin Jackson, whose "
        "mark of 36.09 had stood since 2024.",
        ("world", "set", "Femke Kok", "500m", "36.05"),
        ("world", "broken", "Erin Jackson", "500m", "36.09"),
    ),
    shape(
        "nl_pr_staat_op",
        "Kai Verbij werd zesde in 1.08,40. Zijn persoonlijk record staat op 1.07,80.",
        ("personal", "existing", "Kai Verbij", "1000m", "1:07.80"),
    ),
    shape(
        "en_her_pb_is",
        "Joy Beune finished third in 1:54.10. Her personal best is 1:52.50.",
        ("personal", "existing", "Joy Beune", "1500m", "1:52.50"),
    ),
    shape(
        "en_history_record_last_season",
        "Jordan Stolz won the 1000 meters in 1:06.90. Last season he set the world record of "
        "1:05.37 in Salt Lake City.",
        ("world", "set", "Jordan Stolz", "1000m", "1:05.37"),
    ),
    shape(
        "nl_die_ook_houdt_no_time_taken",
        "Jordan Stolz, die ook het wereldrecord houdt, werd vierde op de 1000 meter in 1.07,60.",
        ("world", "existing", "Jordan Stolz", "1000m", None),
    ),
    shape(
        "en_aimed_at_mark_with_holder_stands",
        "Miho Takagi won the 1500 meters in 1:51.20 while chasing the world record of 1:49.83"
        " she set in 2024.",
        ("world", "existing", "Miho Takagi", "1500m", "1:49.83"),
    ),
    shape(
        "nl_another_kind_is_not_the_continued_mark",
        "Jutta Leerdam won de 1000 meter in 1.13,80 en bleef ruim boven het wereldrecord van "
        "Brittany Bowe. Het vorige baanrecord van 1.14,25 was van haarzelf.",
        ("world", "existing", "Brittany Bowe", "1000m", None),
        ("track", "broken", "Jutta Leerdam", "1000m", "1:14.25"),
    ),
    shape(
        "nl_her_pr_beaten_by_her_not_the_last_man",
        "Sander Eitrem won de 5000 meter. Bij de vrouwen won Joy Beune de 3000 meter. Ze dook"
        " met 3.58,40 onder haar persoonlijk record.",
        ("personal", "set", "Joy Beune", "3000m", "3:58.40"),
    ),
    shape(
        "nl_bijna_het_wr_van",
        "Femke Kok won de 500 meter in 36,12 en reed daarmee bijna het wereldrecord van Erin "
        "Jackson.",
        ("world", "existing", "Erin Jackson", "500m", None),
    ),
    shape(
        "nl_pr_zonder_tijd",
        "Ook Marijke Groenewoud reed een persoonlijk record.",
        ("personal", "set", "Marijke Groenewoud", None, None),
    ),
    shape(
        "en_wr_breaking",
        "Jordan Stolz's world-record-breaking 1:05.30 won the 1000 meters.",
        ("world", "set", "Jordan Stolz", "1000m", "1:05.30"),
    ),
    shape(
        "en_held_the_record_before",
        "Brittany Bowe, who held the world record in the 1000 meters until 2024, finished "
        "fifth in 1:13.90.",
        ("world", "broken", "Brittany Bowe", "1000m", None),
    ),
    shape(
        "en_stands_as_record",
        "Her 3:52.02 from 2020 still stands as the world record.",
        ("world", "existing", None, None, "3:52.02"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXACT)
def test_exact_records(text: str, expected: set[Row]) -> None:
    assert records(text) == expected


@pytest.mark.parametrize(("text", "expected"), HOLDS)
def test_holds_records(text: str, expected: set[Row]) -> None:
    assert expected <= records(text)
