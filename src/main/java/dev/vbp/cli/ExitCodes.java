package dev.vbp.cli;

/** The exit codes every command documents in its help. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A requested check or threshold failed (e.g. --fail-under). */
    public static final int CHECK_FAILED = 1;
    public static final int USAGE = 2;
    public static final int BAD_INPUT = 3;
    public static final int INTERNAL = 4;

    /** Code → meaning, in the order help lists them. */
    static java.util.Map<String, String> helpList(dev.vbp.output.Lang lang) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("0", lang.pick("ok", "成功"));
        m.put("1", lang.pick("a requested check or threshold failed", "要求的检查或阈值未通过"));
        m.put("2", lang.pick("usage error (unknown option, bad option value, missing input)", "用法错误（未知选项、选项值错误、缺少输入）"));
        m.put("3", lang.pick("bad input data (unreadable file, missing column, rejected rows)", "输入数据有误（文件无法读取、缺少列、有拒收行）"));
        m.put("4", lang.pick("internal error (please report it, with --stacktrace output)", "内部错误（请连同 --stacktrace 的输出一起报告）"));
        return m;
    }

    private ExitCodes() {}
}
