"""Violation types, document types and source types: the API's values, with labels.

The codes and labels follow ``shared/spec/violation-taxonomy.md``; a test compares them.
"""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members carry an Indonesian and an English label."""

    label_id: str
    label_en: str

    def __new__(cls, code: str, label_id: str = "", label_en: str = ""):
        obj = str.__new__(cls, code)
        obj._value_ = code
        obj.label_id = label_id
        obj.label_en = label_en
        return obj

    @classmethod
    def describe(cls) -> list[dict[str, str]]:
        return [{"code": m.value, "label_id": m.label_id, "label_en": m.label_en} for m in cls]


class ViolationType(LabelledEnum):
    SOCIAL_MEDIA = ("social_media", "Kampanye/dukungan di media sosial", "Social-media campaigning")
    CAMPAIGN_MATERIAL = ("campaign_material", "Memasang alat peraga kampanye", "Campaign material")
    CAMPAIGN_ATTENDANCE = ("campaign_attendance", "Menghadiri/mengikuti deklarasi atau kampanye",
                           "Attending a declaration or campaign")
    CAMPAIGN_ROLE = ("campaign_role", "Menjadi tim sukses/juru kampanye", "Campaign role")
    PARTY_MEMBERSHIP = ("party_membership", "Menjadi anggota/pengurus parpol", "Party membership")
    PARTY_APPROACH = ("party_approach", "Pendekatan ke parpol", "Approaching a party")
    CANDIDACY = ("candidacy", "Mencalonkan diri tanpa mundur", "Undeclared candidacy")
    PARTISAN_PHOTO = ("partisan_photo", "Foto bersama dengan simbol keberpihakan", "Partisan photo")
    PARTISAN_SUPPORT = ("partisan_support", "Kegiatan/ajakan keberpihakan", "Partisan activity or appeal")
    VOTE_BUYING = ("vote_buying", "Pemberian barang/uang", "Giving goods or money")
    STATE_RESOURCES = ("state_resources", "Penyalahgunaan fasilitas negara", "Misuse of state resources")
    PARTISAN_DECISION = ("partisan_decision", "Keputusan/tindakan menguntungkan calon", "Partisan decision")
    ID_CARD_SUPPORT = ("id_card_support", "Dukungan dengan fotokopi KTP", "Support with ID card")


class DocType(LabelledEnum):
    INCIDENT = ("incident", "Kasus/dugaan pelanggaran", "Incident report")
    PREVENTION = ("prevention", "Pencegahan/sosialisasi", "Prevention and outreach")
    STATISTICS = ("statistics", "Statistik", "Statistics")
    REGULATION = ("regulation", "Regulasi", "Regulation")
    OTHER = ("other", "Lainnya", "Other")


class SourceType(LabelledEnum):
    NEWS = ("news", "Media berita", "News outlet")
    BAWASLU = ("bawaslu", "Bawaslu", "Election supervisory body")
    GOVERNMENT = ("government", "Pemerintah", "Government")


class RegionLevel(LabelledEnum):
    PROVINSI = ("provinsi", "Provinsi", "Province")
    KABUPATEN = ("kabupaten", "Kabupaten", "Regency")
    KOTA = ("kota", "Kota", "City")
    KECAMATAN = ("kecamatan", "Kecamatan", "District")
    DESA = ("desa", "Desa/Kelurahan", "Village")


class IncidentStage(LabelledEnum):
    REPORTED = ("reported", "Dilaporkan/ditemukan", "Reported or found")
    EXAMINED = ("examined", "Diperiksa/diklarifikasi", "Examined")
    RECOMMENDED = ("recommended", "Direkomendasikan", "Recommended for sanction")
    SANCTIONED = ("sanctioned", "Dijatuhi sanksi", "Sanctioned")
