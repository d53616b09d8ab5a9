//! The words of the problems only the authoring tool meets: files
//! `report import` cannot read, spreadsheets `report chart add` cannot
//! use. Behind the `authoring` feature, so that the viewer's WASM never
//! carries them; otherwise one table with [`Code::messages`].

use crate::problem::Code;

impl Code {
    /// See [`Code::messages`].
    pub(crate) fn authoring_messages(self) -> [&'static str; 5] {
        use Code::*;
        match self {
            EmptyFile => [
                "empty-file",
                "文件“{0}”是空的",
                "“{0}” is empty",
                "选择存有报告全文的文件",
                "choose the file that holds the report",
            ],
            OldWord => [
                "old-word",
                "“{0}”是旧版 Word(.doc)或 WPS 文档,无法直接读取",
                "“{0}” is an old Word (.doc) or WPS document, which cannot be read directly",
                "在 Word 或 WPS 中打开,选“另存为”→ Word 文档(.docx),再导入新文件",
                "open it in Word or WPS, choose Save As → Word Document (.docx), and import the new file",
            ],
            PdfFile => [
                "pdf-file",
                "“{0}”是 PDF 文件,其中的段落和表格无法可靠还原",
                "“{0}” is a PDF, whose paragraphs and tables cannot be recovered reliably",
                "导入报告的 Word 原稿(.docx)或发布的网页;没有原稿时,从 PDF 复制全文存为文本文件再导入",
                "import the report's Word file (.docx) or its web page; failing that, copy the text out of the PDF into a text file and import that",
            ],
            ImageFile => [
                "image-file",
                "“{0}”是图片({1}),其中的文字无法读取",
                "“{0}” is an image ({1}); its text cannot be read",
                "导入报告的 Word 原稿(.docx)或网页,或把文字录入文本文件后导入",
                "import the report's Word file (.docx) or web page, or type its text into a text file and import that",
            ],
            NotDocx => [
                "not-docx",
                "“{0}”是压缩文件,但不是 Word 文档(.docx)",
                "“{0}” is a zip archive but not a Word document (.docx)",
                "OpenDocument(.odt)等文档请在 WPS、Word 或 LibreOffice 中另存为 .docx;压缩包请先解压,再导入其中的报告文件",
                "save other documents (such as .odt) as .docx in WPS, Word or LibreOffice; unpack an archive and import the report inside it",
            ],
            BrokenDocx => [
                "broken-docx",
                "“{0}”像是 Word 文档,但无法读取({1})",
                "“{0}” looks like a Word document but cannot be read ({1})",
                "在 Word 或 WPS 中打开它,重新另存为 .docx 后再导入",
                "open it in Word or WPS, save it again as .docx, and import that",
            ],
            SpreadsheetFile => [
                "spreadsheet-file",
                "“{0}”是电子表格,不是报告正文",
                "“{0}” is a spreadsheet, not the report's text",
                "电子表格用来给报告添加图表:report chart add 报告.json --from {0}",
                "spreadsheets add charts to a report: report chart add report.json --from {0}",
            ],
            UnknownFile => [
                "unknown-file",
                "无法识别“{0}”的内容:它不是 Word 文档(.docx)、网页(.html、.mhtml),也不是 UTF-8 或 GB18030 编码的文本",
                "“{0}” is not a Word document (.docx), a web page (.html, .mhtml), or text in UTF-8 or GB18030",
                "导入报告的 Word 原稿或网页,或在记事本、WPS 中把正文另存为 UTF-8 文本",
                "import the report's Word file or web page, or save its text as UTF-8 in Notepad or WPS",
            ],
            BadSpreadsheet => [
                "bad-spreadsheet",
                "无法读取电子表格“{0}”({1})",
                "the spreadsheet “{0}” cannot be read ({1})",
                "在 Excel、WPS 或 LibreOffice 中打开并另存为 .xlsx 或 .csv(UTF-8)",
                "open it in Excel, WPS or LibreOffice and save it as .xlsx or as CSV (UTF-8)",
            ],
            NoSheet => [
                "no-sheet",
                "电子表格中没有名为“{0}”的工作表(有:{1})",
                "the spreadsheet has no sheet named “{0}” (it has: {1})",
                "用 --sheet 指定其中一个工作表",
                "name one of them with --sheet",
            ],
            EmptySheet => [
                "empty-sheet",
                "工作表“{0}”没有数据:{1}",
                "sheet “{0}” has no data: {2}",
                "第一行写表头(分类名,各系列名),其下每行一个分类及其数值",
                "put headings in the first row (the category, then each series' name) and one category with its values in each row below",
            ],
            NotANumber => [
                "not-a-number",
                "工作表“{0}”{1}格(第{2}行“{3}”列)写作“{4}”,不是数字",
                "sheet “{0}”, cell {1} (row {2}, column “{3}”) reads “{4}”, which is not a number",
                "填写数字;可写“300余”“95%以上”或“2~3”这样的下限、范围;没有数据的格留空",
                "write a number; “300余”, “95%以上” or “2~3” give a bound or a range; leave a cell with no data empty",
            ],
            NoCategory => [
                "no-category",
                "工作表“{0}”{1}格(第{2}行)缺少分类",
                "sheet “{0}”, cell {1} (row {2}) has no category",
                "在第一列填写分类(例如年份),或删除这一行",
                "write the category (a year, say) in the first column, or delete the row",
            ],
            NoSource => [
                "no-source",
                "没有数据来源:工作表“{0}”没有“来源”列,命令也没有给出 --source 和 --quote",
                "no source: sheet “{0}” has no “来源” (source) column, and neither --source nor --quote was given",
                "加一列“来源”(网址或本报告段落标识)和一列“原文”,或用 --source 网址 --quote 原文 说明数字从哪里来;没有来源,不生成图表",
                "add a column “来源” (an address or a paragraph id of this report) and a column “原文” (the words quoted), or give --source URL --quote WORDS; no source, no chart",
            ],
            NoUnit => [
                "no-unit",
                "工作表“{0}”的数值没有注明单位",
                "the values of sheet “{0}” have no unit",
                "用 --unit 指定单位(如 --unit 件),或在每个系列的表头写明,如“受理案件（件）”",
                "give it with --unit (such as --unit 件), or name it in each series' heading, such as “受理案件（件）”",
            ],
            FileTooBig => [
                "file-too-big",
                "“{0}”有{1},超过导入上限{2}",
                "“{0}” is {1}, over the import limit of {2}",
                "把报告拆成几个文件分别导入;Word 文档中的大图片可先压缩或删除,再另存为 .docx",
                "split the report into several files and import each; in a Word file, compress or delete large pictures and save it again as .docx",
            ],
            PartTooBig => [
                "part-too-big",
                "“{0}”中的部件 {1} 解压后超过{2}",
                "the part {1} of “{0}” inflates to more than {2}",
                "在 Word 或 WPS 中打开,另存为 .docx 再导入;文档确实这么长时,请拆成几个文件",
                "open it in Word or WPS, save it again as .docx and import that; if the document really is that long, split it into several files",
            ],
            ArchiveTooBig => [
                "archive-too-big",
                "“{0}”的各部件解压后合计超过{1}",
                "the parts of “{0}” inflate to more than {1} in all",
                "在 Word 或 WPS 中打开,压缩或删除大图片,另存为 .docx 再导入;文档确实这么长时,请拆成几个文件",
                "open it in Word or WPS, compress or delete large pictures, save it again as .docx and import that; if the document really is that long, split it into several files",
            ],
            TooManyParts => [
                "too-many-parts",
                "“{0}”含有{1}个部件,超过上限{2}个",
                "“{0}” holds {1} parts, more than the limit of {2}",
                "在 Word、WPS 或 Excel 中打开,重新另存后再导入",
                "open it in Word, WPS or Excel, save it again and import that",
            ],
            TextTooLong => [
                "text-too-long",
                "“{0}”的文字超过{1}个字符",
                "the text of “{0}” is longer than {1} characters",
                "把报告拆成几个文件分别导入",
                "split the report into several files and import each",
            ],
            TooManyElements => [
                "too-many-elements",
                "“{0}”有{1}个以上元素(读到第{2}行),超过上限",
                "“{0}” has more than {1} elements (by line {2}), over the limit",
                "在浏览器中打开网页,另存为“网页,仅 HTML”后再导入;仍不行时,把正文复制到文本文件再导入",
                "open the page in a browser and save it again as “Webpage, HTML only”; failing that, copy the text into a text file and import that",
            ],
            NestedTooDeep => [
                "nested-too-deep",
                "“{0}”的{1}嵌套超过{3}层({4})",
                "{2} of “{0}” nests more than {3} levels deep ({5})",
                "Word 文档请在 Word 或 WPS 中另存为 .docx,并把表格中嵌套的表格移出;网页请在浏览器中另存为“网页,仅 HTML”;仍不行时,把正文复制到文本文件再导入",
                "save a Word file again as .docx from Word or WPS and move tables out of tables; save a page again from the browser as “Webpage, HTML only”; failing that, copy the text into a text file and import that",
            ],
            TooManyParagraphs => [
                "too-many-paragraphs",
                "“{0}”有{1}个以上段落,超过上限{2}个",
                "“{0}” has more than {1} paragraphs, over the limit of {2}",
                "把报告拆成几个文件分别导入",
                "split the report into several files and import each",
            ],
            TooManyCells => [
                "too-many-cells",
                "“{0}”的表格共有{1}个以上单元格,超过上限{2}个",
                "the tables of “{0}” have more than {1} cells in all, over the limit of {2}",
                "拆分文档,或删去不属于报告正文的大表格;图表的数据可放在电子表格里,用 report chart add 添加",
                "split the document, or delete large tables that are not part of the report; data for a chart can go in a spreadsheet, added with report chart add",
            ],
            ReportTooBig => [
                "report-too-big",
                "“{0}”导入后的报告有{1}字节,超过上限{2}字节",
                "the report imported from “{0}” is {1} bytes, over the limit of {2}",
                "把报告拆成几个文件分别导入",
                "split the report into several files and import each",
            ],
            SheetTooBig => [
                "sheet-too-big",
                "工作表“{0}”{1},超过上限{3}个单元格",
                "sheet “{0}” {2}, over the limit of {3} cells",
                "只保留图表需要的行和列(删除远处零散的内容和格式),另存后再添加",
                "keep only the rows and columns the chart needs (delete stray content and formatting far away), save it and add it again",
            ],
            // `Code::messages` gives every other code's words itself.
            other => unreachable!("{other:?} has its words in Code::messages"),
        }
    }
}
