package dev.vbp.domain;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DomainEnumsTest {

    @Test
    void channel() {
        for (String s : new String[] {"online", "ONLINE", " Online ", "线上", "网上", "网采", "平台", "平台内", "是", "y", "Y", "1", "ｏｎｌｉｎｅ"}) {
            assertEquals(Optional.of(Channel.ONLINE), Channel.parse(s), s);
        }
        for (String s : new String[] {"offline", "Offline", "线下", "网下", "非平台", "平台外", "否", "n", "N", "0"}) {
            assertEquals(Optional.of(Channel.OFFLINE), Channel.parse(s), s);
        }
        assertEquals(Optional.empty(), Channel.parse("maybe"));
        assertEquals(Optional.empty(), Channel.parse(""));
        assertEquals(Optional.empty(), Channel.parse(null));
        assertEquals("online", Channel.ONLINE.code());
        assertEquals("offline", Channel.OFFLINE.code());
    }

    @Test
    void category() {
        for (String s : new String[] {"drug", "Drug", "药品", "西药", "中成药"}) {
            assertEquals(Optional.of(Category.DRUG), Category.parse(s), s);
        }
        for (String s : new String[] {"consumable", "CONSUMABLE", "耗材", "医用耗材", "医用耗材类"}) {
            assertEquals(Optional.of(Category.CONSUMABLE), Category.parse(s), s);
        }
        // One vocabulary for bids and ledgers: the two drug kinds online-rate may leave out are categories too.
        assertEquals(Optional.of(Category.HERBAL_PIECES), Category.parse("中药饮片"));
        assertEquals(Optional.of(Category.HOSPITAL_PREPARATION), Category.parse("院内制剂"));
        assertEquals(Optional.empty(), Category.parse("器械"));
        assertEquals("drug", Category.DRUG.code());
        assertEquals("consumable", Category.CONSUMABLE.code());
    }

    @Test
    void ownership() {
        for (String s : new String[] {"public", "Public", "公立", "公办", "政府办"}) {
            assertEquals(Optional.of(Ownership.PUBLIC), Ownership.parse(s), s);
        }
        for (String s : new String[] {"private", "民营", "私立", "非公立", "社会办"}) {
            assertEquals(Optional.of(Ownership.PRIVATE), Ownership.parse(s), s);
        }
        assertEquals(Optional.empty(), Ownership.parse("军队"));
        assertEquals("public", Ownership.PUBLIC.code());
        assertEquals("private", Ownership.PRIVATE.code());
    }

    @Test
    void outletType() {
        for (String s : new String[] {"hospital", "HOSPITAL", "医院", "医疗机构", "定点医院", "定点医疗机构"}) {
            assertEquals(Optional.of(OutletType.HOSPITAL), OutletType.parse(s), s);
        }
        for (String s : new String[] {"pharmacy", "药店", "零售药店", "定点药店", "定点零售药店", "定点 零售 药店"}) {
            assertEquals(Optional.of(OutletType.PHARMACY), OutletType.parse(s), s);
        }
        assertEquals(Optional.empty(), OutletType.parse("诊所"));
        assertEquals("hospital", OutletType.HOSPITAL.code());
        assertEquals("pharmacy", OutletType.PHARMACY.code());
    }

    @Test
    void everyCodeParsesBackToItsConstant() {
        for (Channel c : Channel.values()) assertEquals(Optional.of(c), Channel.parse(c.code()));
        for (Category c : Category.values()) assertEquals(Optional.of(c), Category.parse(c.code()));
        for (Ownership c : Ownership.values()) assertEquals(Optional.of(c), Ownership.parse(c.code()));
        for (OutletType c : OutletType.values()) assertEquals(Optional.of(c), OutletType.parse(c.code()));
    }
}
