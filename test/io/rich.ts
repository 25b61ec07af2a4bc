/**
 * A hand-written workbook carrying what a re-saving writer loses: a chart (drawing + chart part), sparklines and an
 * Excel 2010 cross-sheet drop-down list (x14 extensions), a data bar with its x14 extension, custom document
 * properties, a table, sheet protection with a hash, a user's own note (comments + VML with a bare <br>, as old Excel
 * writes it), an image, `_x0041_`-style and control-character text. Its first sheet is a small appendix with findings.
 */
import { DECL, NS, PKG_REL, REL, zip } from './pkg';

const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM = 'http://schemas.microsoft.com/office/excel/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const CT_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export const RICH_SHEET = 'Phụ lục';

export function richWorkbook(): Uint8Array {
  const strings = [
    'KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024', // 0
    'TT', // 1
    'Nội dung', // 2
    'Sản phẩm', // 3
    'Cơ quan chủ trì', // 4
    'Kinh phí (triệu đồng)', // 5
    'Thời gian hoàn thành', // 6
    'Rà soát thủ tục hành chính', // 7
    'Sở Tư pháp', // 8
    'Quý II/2024', // 9
    'Công bố danh mục _x0041_ mã_x0007_', // 10
    'Quyết định', // 11
    'Văn phòng UBND tỉnh', // 12
    'Năm 2023', // 13
    'Tổng cộng', // 14
    'Sở Nội vụ', // 15
  ];
  const sst = `${DECL}<sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`;
  const c = (ref: string, v: string, t?: string, st = 0) => `<c r="${ref}"${st ? ` s="${st}"` : ''}${t ? ` t="${t}"` : ''}><v>${v}</v></c>`;
  const sheet1 =
    `${DECL}<worksheet xmlns="${NS}" xmlns:r="${REL}" xmlns:mc="${MC}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">` +
    '<sheetPr><tabColor rgb="FF00B050"/></sheetPr><dimension ref="A1:F7"/>' +
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>' +
    '<cols><col min="2" max="2" width="40" customWidth="1"/></cols><sheetData>' +
    `<row r="1" spans="1:6">${c('A1', '0', 's', 3)}</row>` +
    `<row r="3" spans="1:6">${['A', 'B', 'C', 'D', 'E', 'F'].map((l, i) => c(`${l}3`, String(i + 1), 's', 3)).join('')}</row>` +
    `<row r="4" spans="1:6">${c('A4', '1')}${c('B4', '7', 's')}${c('D4', '8', 's')}${c('E4', '100', undefined, 1)}${c('F4', '9', 's')}</row>` +
    `<row r="5" spans="1:6">${c('A5', '2')}${c('B5', '10', 's')}${c('C5', '11', 's')}${c('D5', '12', 's')}${c('E5', '50', undefined, 1)}${c('F5', '13', 's')}</row>` +
    `<row r="6" spans="1:6">${c('A6', '3')}${c('B6', '7', 's')}${c('C6', '11', 's')}${c('D6', '15', 's')}${c('E6', '20', undefined, 1)}${c('F6', '9', 's')}</row>` +
    `<row r="7" spans="1:6"><c r="A7" s="2"/>${c('B7', '14', 's')}<c r="E7" s="1"><f>SUM(E4:E6)+10</f><v>180</v></c></row>` +
    '</sheetData>' +
    '<sheetProtection algorithmName="SHA-512" hashValue="3m4sQ0cV2c9c3m4sQ0cV2c9c3m4sQ0cV2c9c3m4sQ0cV2c9c3m4sQ0cV2c9c3m4sQ0cV2c9c3m4sQ0cV2c==" saltValue="c2FsdHNhbHQ=" spinCount="100000" sheet="1" objects="1" scenarios="1" formatCells="0"/>' +
    '<mergeCells count="1"><mergeCell ref="A1:F1"/></mergeCells>' +
    '<conditionalFormatting sqref="E4:E6"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>' +
    `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${X14}"><x14:id>{1A2B3C4D-0000-4000-8000-000000000001}</x14:id></ext></extLst></cfRule></conditionalFormatting>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<drawing r:id="rId2"/><legacyDrawing r:id="rId3"/><tableParts count="1"><tablePart r:id="rId4"/></tableParts>' +
    '<extLst>' +
    `<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="${XM}"><x14:cfRule type="dataBar" id="{1A2B3C4D-0000-4000-8000-000000000001}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>E4:E6</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>` +
    `<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${X14}"><x14:dataValidations count="1" xmlns:xm="${XM}"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>'Danh mục'!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>D4:D6</xm:sqref></x14:dataValidation></x14:dataValidations></ext>` +
    `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${X14}"><x14:sparklineGroups xmlns:xm="${XM}"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>'Phụ lục'!E4:E6</xm:f><xm:sqref>G7</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>` +
    '</extLst></worksheet>';
  const sheet2 = `${DECL}<worksheet xmlns="${NS}"><sheetData>${['Sở Tư pháp', 'Sở Nội vụ', 'Văn phòng UBND tỉnh'].map((t, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${t}</t></is></c></row>`).join('')}</sheetData></worksheet>`;
  const styles =
    `${DECL}<styleSheet xmlns="${NS}" xmlns:mc="${MC}" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0"/></numFmts>' +
    '<fonts count="2" x14ac:knownFonts="1"><font><sz val="12"/><name val="Times New Roman"/><family val="1"/></font><font><b/><sz val="12"/><name val="Times New Roman"/><family val="1"/></font></fonts>' +
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill></fills>' +
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"><alignment horizontal="right"/></xf>' +
    '<xf numFmtId="0" fontId="0" fillId="2" borderId="1" xfId="0" applyFill="1" applyBorder="1"/>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/><protection locked="0"/></xf></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>' +
    '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
    '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst>' +
    '</styleSheet>';
  const comments = `${DECL}<comments xmlns="${NS}"><authors><author>Nguyễn Văn A</author></authors><commentList><comment ref="E7" authorId="0"><text><r><rPr><b/><sz val="9"/><rFont val="Tahoma"/></rPr><t>Nguyễn Văn A:</t></r><r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr><t xml:space="preserve">\nGhi chú của đơn vị</t></r></text></comment></commentList></comments>`;
  const vml =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml"\n xmlns:o="urn:schemas-microsoft-com:office:office"\n xmlns:x="urn:schemas-microsoft-com:office:excel">\n' +
    ' <o:shapelayout v:ext="edit">\n  <o:idmap v:ext="edit" data="1"/>\n </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\n  path="m,l,21600r21600,l21600,xe">\n  <v:stroke joinstyle="miter"/>\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\n </v:shapetype>' +
    '<v:shape id="_x0000_s1025" type="#_x0000_t202" style=\'position:absolute;margin-left:107.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden\' fillcolor="#ffffe1" o:insetmode="auto">\n' +
    '  <v:fill color2="#ffffe1"/>\n  <v:shadow on="t" color="black" obscured="t"/>\n  <v:path o:connecttype="none"/>\n  <v:textbox style=\'mso-direction-alt:auto\'>\n   <div style=\'text-align:left\'><br></div>\n  </v:textbox>\n' +
    '  <x:ClientData ObjectType="Note">\n   <x:MoveWithCells/>\n   <x:SizeWithCells/>\n   <x:Anchor>\n    2, 15, 2, 10, 4, 15, 6, 4</x:Anchor>\n   <x:AutoFill>False</x:AutoFill>\n   <x:Row>6</x:Row>\n   <x:Column>4</x:Column>\n  </x:ClientData>\n </v:shape></xml>';
  const drawing = `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Biểu đồ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
  const chart = `${DECL}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'Phụ lục'!$E$4:$E$6</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;
  const table = `${DECL}<table xmlns="${NS}" id="1" name="NhiemVu" displayName="NhiemVu" ref="A3:F6" totalsRowShown="0"><autoFilter ref="A3:F6"/><tableColumns count="6"><tableColumn id="1" name="TT"/><tableColumn id="2" name="Nội dung"/><tableColumn id="3" name="Sản phẩm"/><tableColumn id="4" name="Cơ quan chủ trì"/><tableColumn id="5" name="Kinh phí (triệu đồng)"/><tableColumn id="6" name="Thời gian hoàn thành"/></tableColumns><tableStyleInfo name="TableStyleLight1" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
  const custom = `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Đơn vị"><vt:lpwstr>Sở Nội vụ</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Số hiệu"><vt:lpwstr>KH 12/2024</vt:lpwstr></property></Properties>`;
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 64 }, (_, i) => (i * 37) & 0xff)]);
  const ct =
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default Extension="png" ContentType="image/png"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT_MAIN}.sheet.main+xml"/>` +
    `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT_MAIN}.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${CT_MAIN}.worksheet+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CT_MAIN}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT_MAIN}.sharedStrings+xml"/>` +
    `<Override PartName="/xl/comments1.xml" ContentType="${CT_MAIN}.comments+xml"/><Override PartName="/xl/tables/table1.xml" ContentType="${CT_MAIN}.table+xml"/>` +
    '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
    '<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>' +
    '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>';
  const rels = (items: [string, string, string][]) =>
    `${DECL}<Relationships xmlns="${PKG_REL}">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type.includes('/') ? type : `${REL}/${type}`}" Target="${target}"/>`).join('')}</Relationships>`;
  return zip({
    '[Content_Types].xml': ct,
    '_rels/.rels': rels([
      ['rId1', 'officeDocument', 'xl/workbook.xml'],
      ['rId2', 'custom-properties', 'docProps/custom.xml'],
    ]),
    'docProps/custom.xml': custom,
    'xl/workbook.xml': `${DECL}<workbook xmlns="${NS}" xmlns:r="${REL}"><workbookPr defaultThemeVersion="164011"/><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="${RICH_SHEET}" sheetId="1" r:id="rId1"/><sheet name="Danh mục" sheetId="3" r:id="rId2"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Phụ lục'!$A$3:$F$6</definedName><definedName name="DanhSach">'Danh mục'!$A$1:$A$3</definedName></definedNames><calcPr calcId="191029"/></workbook>`,
    'xl/_rels/workbook.xml.rels': rels([
      ['rId1', 'worksheet', 'worksheets/sheet1.xml'],
      ['rId2', 'worksheet', 'worksheets/sheet2.xml'],
      ['rId3', 'styles', 'styles.xml'],
      ['rId4', 'sharedStrings', 'sharedStrings.xml'],
      ['rId5', 'theme', 'theme/theme1.xml'],
    ]),
    'xl/worksheets/sheet1.xml': sheet1,
    'xl/worksheets/_rels/sheet1.xml.rels': rels([
      ['rId1', 'comments', '../comments1.xml'],
      ['rId2', 'drawing', '../drawings/drawing1.xml'],
      ['rId3', 'vmlDrawing', '../drawings/vmlDrawing1.vml'],
      ['rId4', 'table', '../tables/table1.xml'],
    ]),
    'xl/worksheets/sheet2.xml': sheet2,
    'xl/styles.xml': styles,
    'xl/sharedStrings.xml': sst,
    'xl/comments1.xml': comments,
    'xl/drawings/vmlDrawing1.vml': vml,
    'xl/drawings/drawing1.xml': drawing,
    'xl/drawings/_rels/drawing1.xml.rels': rels([['rId1', 'chart', '../charts/chart1.xml']]),
    'xl/charts/chart1.xml': chart,
    'xl/tables/table1.xml': table,
    'xl/theme/theme1.xml': `${DECL}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements/></a:theme>`,
    'xl/media/image1.png': png,
  });
}
