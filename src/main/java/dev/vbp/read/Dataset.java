package dev.vbp.read;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.vbp.read.Field.optional;
import static dev.vbp.read.Field.requiredUnless;
import static dev.vbp.read.Field.required;
import static dev.vbp.read.FieldType.*;

/**
 * Every dataset vbp reads (docs/rules.md, Datasets), with its canonical columns and built-in header aliases.
 * A new input format starts here: add the dataset and its fields, then a domain record with a
 * {@code fromRow} factory. Rules that involve several columns ("a product code, or a generic name and
 * spec") live in {@link RowRules}.
 */
public enum Dataset {
    BIDS("bids", "中选结果", List.of(
            required("batch_id", CODE, "batch", "批次", "集采批次", "采购批次", "批次编号"),
            optional("product_code", CODE, "product_id", "drug_code", "产品编码", "药品编码", "产品代码", "医保药品代码", "耗材编码"),
            required("generic_name", TEXT, "name", "generic", "通用名", "药品通用名", "通用名称", "品种名称", "产品名称", "药品名称"),
            optional("dosage_form", TEXT, "form", "剂型"),
            required("spec", STRENGTH, "strength", "specification", "规格", "规格包装", "制剂规格"),
            requiredUnless("unit_price", "pack_count", COUNT, "count", "units_per_pack", "转换比", "转化系数", "包装数量", "最小包装数量"),
            optional("manufacturer", TEXT, "firm", "company", "生产企业", "企业名称", "中选企业", "申报企业", "生产厂家"),
            // Per pack. A header naming a minimum unit in brackets (中选价格(最小制剂单位)) reads as unit_price instead.
            requiredUnless("unit_price", "bid_price", DECIMAL, "price", "pack_price", "中选价格", "中选价", "申报价格", "中选价格(元)",
                    "拟中选价格", "竞标价格", "投标价格"),
            optional("selected", FLAG, "is_selected", "中选", "是否中选", "中选结果"),
            optional("agreed_qty", DECIMAL, "agreed_quantity", "约定采购量", "协议采购量", "约定量"),
            optional("region", TEXT, "area", "supply_region", "供应地区", "供应省份", "地区"),
            optional("cycle_start", DATE, "start", "采购周期开始", "执行开始日期", "开始日期"),
            optional("cycle_end", DATE, "end", "采购周期结束", "执行结束日期", "结束日期"),
            optional("category", CATEGORY, "type", "类别", "产品类别"),
            optional("ceiling_price", PRICE, "max_price", "最高有效申报价", "最高申报价", "最高限价"),
            optional("year", YEAR, "年份", "年度"),
            // Whether the product passed consistency evaluation (一致性评价): the payment standard caps it at once if not.
            optional("consistency_evaluated", FLAG, "evaluated", "一致性评价", "是否通过一致性评价", "通过一致性评价", "是否过评", "过评"),
            // Prices per minimum unit (最小制剂单位: a tablet, a vial), as national results publish them (UnitPrices).
            optional("unit_price", PRICE, UnitPrices.ALIASES),
            optional("ceiling_unit_price", PRICE, "max_unit_price", "最小制剂单位最高有效申报价", "单位最高有效申报价",
                    "最高有效申报单价"))),

    BASELINE("baseline", "集采前价格", List.of(
            optional("product_code", CODE, "product_id", "drug_code", "产品编码", "药品编码", "产品代码", "医保药品代码"),
            optional("generic_name", TEXT, "name", "generic", "通用名", "药品通用名", "通用名称", "药品名称", "产品名称"),
            optional("dosage_form", TEXT, "form", "剂型"),
            optional("spec", STRENGTH, "strength", "specification", "规格", "规格包装", "制剂规格"),
            optional("manufacturer", TEXT, "firm", "company", "生产企业", "企业名称", "生产厂家"),
            requiredUnless("unit_price", "pack_price", PRICE, "price", "挂网价", "挂网价格", "采购价格", "价格", "集采前价格"),
            requiredUnless("unit_price", "pack_count", COUNT, "count", "units_per_pack", "转换比", "转化系数", "包装数量"),
            optional("quantity", DECIMAL, "volume", "qty", "采购数量", "采购量", "数量"),
            optional("region", TEXT, "area", "province", "地区", "省份"),
            optional("date", DATE, "日期", "采购日期"),
            optional("year", YEAR, "年份", "年度"),
            optional("unit_price", PRICE, UnitPrices.ALIASES))),

    LEDGER("ledger", "采购明细", List.of(
            required("date", DATE, "purchase_date", "采购日期", "订单日期", "入库日期", "日期"),
            required("institution_code", CODE, "hospital_code", "医疗机构编码", "机构编码", "医院编码", "医疗机构代码"),
            required("product_code", CODE, "drug_code", "产品编码", "药品编码", "产品代码", "医保药品代码", "耗材编码"),
            optional("generic_name", TEXT, "name", "通用名", "药品通用名", "通用名称", "产品名称"),
            required("quantity", SIGNED_DECIMAL, "qty", "采购数量", "数量", "入库数量"),
            optional("unit_price", SIGNED_DECIMAL, "price", "采购单价", "单价", "采购价格"),
            // Amount and channel are needed by online-rate, not by completion counts: the scan asks for them.
            optional("amount", SIGNED_DECIMAL, "采购金额", "金额", "入库金额"),
            optional("channel", CHANNEL, "采购渠道", "渠道", "是否线上", "采购方式"),
            optional("category", CATEGORY, "type", "类别", "产品类别", "药品类别"),
            // Supply monitoring (供应量): how much of the line was delivered, as a quantity or a status. A platform's
            // order export (订单配送明细) is a ledger with these columns.
            optional("delivered_qty", SIGNED_DECIMAL, "delivered_quantity", "配送数量", "实际配送数量", "已配送数量", "配送量", "到货数量"),
            optional("delivery_status", DELIVERY_STATUS, "delivered", "配送状态", "是否配送", "到货状态", "是否到货"))),

    INSTITUTIONS("institutions", "医疗机构", List.of(
            required("institution_code", CODE, "code", "hospital_code", "医疗机构编码", "机构编码", "医院编码", "医疗机构代码"),
            required("name", TEXT, "institution_name", "医疗机构名称", "机构名称", "医院名称", "名称"),
            required("county", TEXT, "district", "县(市、区)", "县市区", "区县", "县区", "所属区县"),
            optional("level", TEXT, "grade", "等级", "机构等级", "医院等级", "级别"),
            optional("ownership", OWNERSHIP, "public", "性质", "所有制", "机构性质", "经营性质"))),

    ALLOCATIONS("allocations", "约定采购量", List.of(
            optional("batch_id", CODE, "batch", "批次", "集采批次"),
            required("institution_code", CODE, "hospital_code", "医疗机构编码", "机构编码", "医院编码"),
            required("product_code", CODE, "drug_code", "产品编码", "药品编码", "产品代码"),
            required("agreed_qty", DECIMAL, "agreed_quantity", "约定采购量", "协议采购量", "约定量", "分配量"),
            required("cycle_start", DATE, "start", "采购周期开始", "执行开始日期", "开始日期"),
            required("cycle_end", DATE, "end", "采购周期结束", "执行结束日期", "结束日期"))),

    CATALOG("catalog", "谈判药品目录", List.of(
            optional("drug_code", MEDICAL_CODE, "code", "药品代码", "医保药品代码", "药品编码"),
            required("generic_name", TEXT, "name", "药品名称", "通用名", "通用名称"),
            optional("dosage_form", TEXT, "form", "剂型"),
            optional("drug_class", TEXT, "class", "医保类别", "甲乙类", "类别"),
            optional("spec", TEXT, "strength", "规格"),
            optional("payment_standard", TEXT, "医保支付标准", "支付标准"),
            optional("agreement_period", TEXT, "协议有效期", "协议期", "有效期"),
            optional("dual_channel", FLAG, "双通道", "是否双通道", "纳入双通道"),
            optional("remarks", TEXT, "note", "备注"))),

    OUTLETS("outlets", "双通道定点机构", List.of(
            required("outlet_code", CODE, "code", "机构编码", "定点机构编码", "医药机构编码"),
            required("name", TEXT, "outlet_name", "机构名称", "定点机构名称", "名称"),
            required("type", OUTLET_TYPE, "outlet_type", "机构类型", "类型"),
            required("county", TEXT, "district", "县(市、区)", "县市区", "区县", "所属区县"))),

    STOCK("stock", "配备", List.of(
            required("outlet_code", CODE, "机构编码", "定点机构编码", "医药机构编码"),
            optional("drug_code", MEDICAL_CODE, "药品代码", "医保药品代码", "药品编码"),
            optional("generic_name", TEXT, "name", "药品名称", "通用名"),
            optional("dosage_form", TEXT, "form", "剂型"),
            optional("since", DATE, "配备日期", "起始日期"))),

    PRESCRIPTIONS("prescriptions", "流转处方", List.of(
            required("date", DATE, "处方日期", "日期", "结算日期"),
            required("prescription_id", CODE, "rx_id", "处方编号", "处方号"),
            required("hospital_code", CODE, "开方机构编码", "医院编码", "医疗机构编码"),
            required("pharmacy_code", CODE, "药店编码", "定点药店编码", "取药机构编码"),
            optional("drug_code", MEDICAL_CODE, "药品代码", "医保药品代码", "药品编码"),
            optional("generic_name", TEXT, "name", "药品名称", "通用名"),
            required("amount", DECIMAL, "金额", "处方金额", "费用总额"),
            required("fund_paid", DECIMAL, "统筹支付", "基金支付", "医保基金支付"))),

    SCORES("scores", "考核得分", List.of(
            required("institution_code", CODE, "hospital_code", "医疗机构编码", "机构编码", "医院编码"),
            required("score", DECIMAL, "考核得分", "得分", "评分", "考核分数"),
            optional("period", TEXT, "year", "考核年度", "年度"))),

    PREPAYMENTS("prepayments", "医保基金预付", List.of(
            required("institution_code", CODE, "hospital_code", "医疗机构编码", "机构编码", "医院编码"),
            required("date", DATE, "payment_date", "预付日期", "拨付日期", "支付日期", "日期"),
            required("amount", DECIMAL, "预付金额", "拨付金额", "金额"),
            optional("batch_id", CODE, "batch", "批次", "集采批次"),
            optional("note", TEXT, "remarks", "备注"))),

    // Listed prices over time (挂网价格): a product's price in a region from a day on, or its delisting.
    LISTINGS("listings", "挂网价格", List.of(
            optional("product_code", CODE, "product_id", "drug_code", "产品编码", "药品编码", "产品代码", "医保药品代码", "耗材编码"),
            optional("generic_name", TEXT, "name", "generic", "通用名", "药品通用名", "通用名称", "药品名称", "产品名称"),
            optional("dosage_form", TEXT, "form", "剂型"),
            optional("spec", STRENGTH, "strength", "specification", "规格", "规格包装", "制剂规格"),
            optional("manufacturer", TEXT, "firm", "company", "生产企业", "企业名称", "生产厂家"),
            requiredUnless("unit_price", "listed_price", PRICE, "price", "pack_price", "挂网价", "挂网价格", "挂网价格(元)", "挂网价(元)", "价格"),
            requiredUnless("unit_price", "pack_count", COUNT, "count", "units_per_pack", "转换比", "转化系数", "包装数量", "最小包装数量"),
            required("date", DATE, "listed_on", "挂网日期", "变更日期", "生效日期", "执行日期", "日期"),
            optional("region", TEXT, "area", "province", "地区", "省份", "挂网地区"),
            optional("status", LISTING_STATUS, "listing_status", "挂网状态", "状态"),
            optional("unit_price", PRICE, UnitPrices.ALIASES)));


    private final String id;
    private final String chineseName;
    private final List<Field> fields;

    Dataset(String id, String chineseName, List<Field> fields) {
        this.id = id;
        this.chineseName = chineseName;
        this.fields = fields;
    }

    /** The name users type ({@code vbp import bids ...}) and the workspace's folder name. */
    public String id() { return id; }

    public String chineseName() { return chineseName; }

    public List<Field> fields() { return fields; }

    public Field field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id + " has no field " + name));
    }

    public int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) return i;
        }
        throw new IllegalArgumentException(id + " has no field " + name);
    }

    public static Optional<Dataset> byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (Dataset d : values()) {
            if (d.id.equals(wanted)) return Optional.of(d);
        }
        return Optional.empty();
    }
}
