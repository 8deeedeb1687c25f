package dev.vbp.output;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Text cells of result tables in Chinese: notes built of several known phrases, and the steps of --explain. */
class CellTextsTest {
    @Test
    void aNoteOfSeveralPhrasesIsTranslatedPhraseByPhrase() {
        assertEquals("9 个未计入：基期 2017 无基线价格（有基线价格的年份：[2016, 2018]）",
                Texts.inCell("9 left out: no baseline prices in 2017 (found for [2016, 2018])", Lang.ZH));
        assertEquals("无净采购：无比率；无网下采购", Texts.inCell("no net purchases: no rate; no offline purchases", Lang.ZH));
        assertEquals("19 个通用名中有 1 个无结余留用；见 --by generic",
                Texts.inCell("1 of 19 generics retain nothing; see --by generic", Lang.ZH));
    }

    @Test
    void aWholeTextsPlaceholdersAreTranslatedInTurn() {
        assertEquals("集采前单位价格，范围：通用名和规格 250mg，基期 2017..2018（base_price: mean）",
                Texts.inCell("pre-VBP unit price over generic and strength 250mg, base period 2017..2018 (base_price: mean)", Lang.ZH));
        assertEquals("头孢呋辛酯片 4+7 2019-03-01..2020-02-29：约定采购量",
                Texts.inCell("头孢呋辛酯片 4+7 2019-03-01..2020-02-29: agreed", Lang.ZH));
    }

    @Test
    void theMostSpecificTextWins() {
        assertEquals("37 行中的 0 行，即状态为进度落后或未完成的行；汇总涵盖全部",
                Texts.sentence("0 of 37 rows, those with status behind or short; the summary covers all", Lang.ZH));
    }

    @Test
    void gapKindsAreWholeCellsOnly() {
        assertEquals("未覆盖", Texts.inCell("uncovered", Lang.ZH));
        assertEquals("uncovered pairs", Texts.inCell("uncovered pairs", Lang.ZH));
    }

    @Test
    void englishAndNamesAreLeftAlone() {
        String name = "凉山州第一人民医院";
        assertSame(name, Texts.inCell(name, Lang.ZH));
        assertEquals("1 of 19 generics retain nothing; see --by generic", Texts.inCell("1 of 19 generics retain nothing; see --by generic", Lang.EN));
    }

    @Test
    void warningsTheEnginesKeepInListsReadAsChinese() {
        assertEquals("249 条约定采购量所属的周期在 2020-02-29 之后才开始，未结算",
                Texts.sentence("249 allocations of cycles that begin after 2020-02-29 are not settled", Lang.ZH));
        assertEquals("3 笔预付款的日期晚于 --as-of；未计入", Texts.sentence("3 prepayments are dated after --as-of; left out", Lang.ZH));
        assertEquals("outlets.csv：另有 7 条警告", Texts.sentence("outlets.csv: 7 more warnings", Lang.ZH));
    }
}
