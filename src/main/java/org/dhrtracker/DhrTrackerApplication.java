package org.dhrtracker;
public class DhrTrackerApplication { public static void main(String[] a) {} }
