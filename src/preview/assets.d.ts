/** A workbook imported by the page's code is inlined by webpack as a data: URL (webpack.config.js, asset/inline). */
declare module '*.xlsx' {
  const dataUrl: string;
  export default dataUrl;
}
