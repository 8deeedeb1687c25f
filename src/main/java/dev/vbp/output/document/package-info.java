/**
 * A document of several reports, as {@code vbp report} writes it: sections, each with its reports, the chart
 * each is drawn as, and the files it read; and the HTML, Markdown and xlsx renderers of such a document.
 */
package dev.vbp.output.document;
