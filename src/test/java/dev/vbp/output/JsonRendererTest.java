package dev.vbp.output;

import static dev.vbp.output.RenderTesting.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonRendererTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void envelopeGolden() {
        String expected = """
                {
                  "command": "price-drop",
                  "parameters": {
                    "batch": "4+7",
                    "regions": [
                      "泉州",
                      "厦门"
                    ],
                    "as_of": "2024-03-01",
                    "top": 10,
                    "include_consumables": false,
                    "format": "markdown"
                  },
                  "assumptions": {
                    "mean": "simple",
                    "threshold": 0.10,
                    "weights": {
                      "drug": 0.70,
                      "consumable": 0.30
                    }
                  },
                  "rows": [
                    {
                      "product_code": "X0001",
                      "generic_name": "恩替卡韦分散片",
                      "bid_price": 1234567.885,
                      "unit_price": 141.13335,
                      "drop": 0.52154,
                      "agreed_qty": 28404,
                      "pack_count": 14,
                      "cycle_start": "2024-01-31",
                      "selected": true
                    },
                    {
                      "product_code": "0042",
                      "generic_name": "=SUM(A1)",
                      "bid_price": -12.5,
                      "unit_price": null,
                      "drop": -0.0525,
                      "agreed_qty": null,
                      "pack_count": 1000,
                      "cycle_start": null,
                      "selected": false
                    },
                    {
                      "product_code": "X0003",
                      "generic_name": "阿托伐他汀钙片 \\"20mg, 7片\\"|",
                      "bid_price": 0.005,
                      "unit_price": 0.00005,
                      "drop": 1,
                      "agreed_qty": 7,
                      "pack_count": 0.50,
                      "cycle_start": "2023-12-01",
                      "selected": null
                    }
                  ],
                  "summary": {
                    "products": 3,
                    "mean_drop": 0.4321,
                    "total_saved": 11240000000.005
                  },
                  "warnings": [
                    "1 row left out: no baseline price for X0004",
                    "产品 0042 没有约定采购量"
                  ]
                }
                """;
        // Language, colour and BOM options do not touch JSON.
        assertEquals(expected, render(new JsonRenderer(Precision.FULL), SampleReports.drugs()));
        // By default money is rounded half-up once: two decimals, unit prices four; nothing else changes.
        String rounded = expected.replace("1234567.885", "1234567.89").replace("141.13335", "141.1334")
                .replace("-12.5,", "-12.50,").replace("0.005,", "0.01,").replace("0.00005,", "0.0001,")
                .replace("11240000000.005", "11240000000.01");
        assertEquals(rounded, render(Format.JSON, Lang.ZH, true, true, SampleReports.drugs()));
        assertEquals(rounded, render(Format.JSON, Lang.EN, false, false, SampleReports.drugs()));
    }

    @Test
    void emptyReport() {
        assertEquals("""
                {
                  "command": "price-drop",
                  "parameters": {},
                  "assumptions": {},
                  "rows": [],
                  "summary": {
                    "products": 0
                  },
                  "warnings": []
                }
                """, render(new JsonRenderer(), SampleReports.empty()));
    }

    @Test
    void parsesBackToExactDecimalsInOrder() throws Exception {
        String text = render(new JsonRenderer(Precision.FULL), SampleReports.drugs());
        Map<String, Object> envelope = MAPPER.readValue(text, new TypeReference<Map<String, Object>>() {});
        assertEquals(List.of("command", "parameters", "assumptions", "rows", "summary", "warnings"),
                new ArrayList<>(envelope.keySet()));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) envelope.get("rows");
        List<String> keys = SampleReports.COLUMNS.stream().map(Column::key).toList();
        for (Map<String, Object> row : rows) assertEquals(keys, new ArrayList<>(row.keySet()));

        // BigDecimal.equals compares scale too, so 0.50 must come back as 0.50, not 0.5.
        assertEquals(new BigDecimal("1234567.885"), rows.get(0).get("bid_price"));
        assertEquals(new BigDecimal("141.13335"), rows.get(0).get("unit_price"));
        assertEquals(new BigDecimal("0.52154"), rows.get(0).get("drop"));
        assertEquals(new BigDecimal("-12.5"), rows.get(1).get("bid_price"));
        assertEquals(new BigDecimal("-0.0525"), rows.get(1).get("drop"));
        assertEquals(new BigDecimal("0.00005"), rows.get(2).get("unit_price"));
        assertEquals(new BigDecimal("0.50"), rows.get(2).get("pack_count"));
        assertEquals(1000, rows.get(1).get("pack_count"));
        assertEquals(28404, rows.get(0).get("agreed_qty"));
        assertEquals("2024-01-31", rows.get(0).get("cycle_start"));
        assertEquals(Boolean.TRUE, rows.get(0).get("selected"));
        assertEquals("=SUM(A1)", rows.get(1).get("generic_name"));

        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) envelope.get("summary");
        assertEquals(new BigDecimal("11240000000.005"), summary.get("total_saved"));
        assertEquals(new BigDecimal("0.4321"), summary.get("mean_drop"));

        @SuppressWarnings("unchecked")
        Map<String, Object> assumptions = (Map<String, Object>) envelope.get("assumptions");
        assertEquals(new BigDecimal("0.10"), assumptions.get("threshold"));
    }

    @Test
    void neverWritesExponents() {
        Report report = new Report("x", List.of(new Column("v", "V", "值", ValueKind.DECIMAL)))
                .row(new BigDecimal("1E+3"))
                .row(new BigDecimal("1E-10"))
                .row(new BigDecimal("123456789012345678901234567890.123"))
                .row(0.1d);
        String text = render(new JsonRenderer(), report);
        assertFalse(text.matches("(?s).*[0-9][eE][-+]?[0-9].*"), text);
        assertEquals("""
                {
                  "command": "x",
                  "parameters": {},
                  "assumptions": {},
                  "rows": [
                    {
                      "v": 1000
                    },
                    {
                      "v": 0.0000000001
                    },
                    {
                      "v": 123456789012345678901234567890.123
                    },
                    {
                      "v": 0.1
                    }
                  ],
                  "summary": {},
                  "warnings": []
                }
                """, text);
    }

    @Test
    void parameterTypes() throws Exception {
        Report report = new Report("x", List.of())
                .parameter("input", Path.of("data", "bids.csv"))
                .parameter("kinds", new ValueKind[] {ValueKind.MONEY, ValueKind.UNIT_PRICE})
                .parameter("by_kind", Map.of(ValueKind.RATIO, List.of(LocalDate.of(2025, 1, 1))))
                .parameter("quote", "say \"hi\"\n");
        String text = render(new JsonRenderer(), report);
        Map<String, Object> envelope = MAPPER.readValue(text, new TypeReference<Map<String, Object>>() {});
        assertEquals(Map.of(
                        "input", Path.of("data", "bids.csv").toString(),
                        "kinds", List.of("money", "unit_price"),
                        "by_kind", Map.of("ratio", List.of("2025-01-01")),
                        "quote", "say \"hi\"\n"),
                envelope.get("parameters"));
    }

    @Test
    void unknownTypesAreRejected() {
        Report report = new Report("x", List.of()).parameter("thing", new Object());
        assertThrows(IllegalArgumentException.class, () -> render(new JsonRenderer(), report));
        Report nan = new Report("x", List.of()).assumption("rate", Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> render(new JsonRenderer(), nan));
    }
}
