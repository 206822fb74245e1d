package org.dhrtracker.report;
@org.springframework.stereotype.Component
public class MasterWorkbook { public void write(ReportData d, java.nio.file.Path p) {} }
