// Generated from UnitsNet 4.152.0's unit definitions (https://github.com/angularsen/UnitsNet, tag UnitsNet/4.152.0,
// Common/UnitDefinitions; license MIT No Attribution): for each unit the reference lists, the conversion
// to the quantity's base unit and back, as UnitsNet defines them (a prefixed unit applies its prefix after the
// unit's own conversion, as UnitsNet's code generator does). UnitsNet 4 is the version whose units are
// exactly the reference's lists (Tilt, KiloPond, the prefixed cubic feet and meters) and whose factors give
// the reference's examples: convert_volume(1.2, 'CubicMeter', 'AcreFoot') = 0.0009728568 needs its
// AcreFoot = 1 / 0.000810714 m³, where later versions define 1233.48183754752 m³.

import Foundation

extension UnitConversion {
    /// A value of angle in `unit` converted to the base unit (Degree); nil for an unknown unit.
    static func angleToBase(_ unit: String, _ x: Double) -> Double? {
        switch unit {
        case "Arcminute": return x / 60
        case "Arcsecond": return x / 3600
        case "Centiradian": return (x * 180 / Double.pi) * 1e-2
        case "Deciradian": return (x * 180 / Double.pi) * 1e-1
        case "Degree": return x
        case "Gradian": return x * 0.9
        case "Microdegree": return (x) * 1e-6
        case "Microradian": return (x * 180 / Double.pi) * 1e-6
        case "Millidegree": return (x) * 1e-3
        case "Milliradian": return (x * 180 / Double.pi) * 1e-3
        case "Nanodegree": return (x) * 1e-9
        case "Nanoradian": return (x * 180 / Double.pi) * 1e-9
        case "NatoMil": return x * 9 / 160
        case "Radian": return x * 180 / Double.pi
        case "Revolution": return x * 360
        case "Tilt": return asin(x) * 180 / Double.pi
        default: return nil
        }
    }

    /// A value of angle in `unit` converted from the base unit (Degree); nil for an unknown unit.
    static func angleFromBase(_ unit: String, _ x: Double) -> Double? {
        switch unit {
        case "Arcminute": return x * 60
        case "Arcsecond": return x * 3600
        case "Centiradian": return (x / 180 * Double.pi) / 1e-2
        case "Deciradian": return (x / 180 * Double.pi) / 1e-1
        case "Degree": return x
        case "Gradian": return x / 0.9
        case "Microdegree": return (x) / 1e-6
        case "Microradian": return (x / 180 * Double.pi) / 1e-6
        case "Millidegree": return (x) / 1e-3
        case "Milliradian": return (x / 180 * Double.pi) / 1e-3
        case "Nanodegree": return (x) / 1e-9
        case "Nanoradian": return (x / 180 * Double.pi) / 1e-9
        case "NatoMil": return x * 160 / 9
        case "Radian": return x / 180 * Double.pi
        case "Revolution": return x / 360
        case "Tilt": return sin(x / 180 * Double.pi)
        default: return nil
        }
    }

    /// A value of energy in `unit` converted to the base unit (Joule); nil for an unknown unit.
    static func energyToBase(_ unit: String, _ x: Double) -> Double? {
        switch unit {
        case "BritishThermalUnit": return x * 1055.05585262
        case "Calorie": return x * 4.184
        case "DecathermEc": return (x * 1.05505585262e8) * 1e1
        case "DecathermImperial": return (x * 1.05505585257348e8) * 1e1
        case "DecathermUs": return (x * 1.054804e8) * 1e1
        case "ElectronVolt": return x * 1.602176565e-19
        case "Erg": return x * 1e-7
        case "FootPound": return x * 1.355817948
        case "GigabritishThermalUnit": return (x * 1055.05585262) * 1e9
        case "GigaelectronVolt": return (x * 1.602176565e-19) * 1e9
        case "Gigajoule": return (x) * 1e9
        case "GigawattDay": return (x * 24 * 3600) * 1e9
        case "GigawattHour": return (x * 3600) * 1e9
        case "HorsepowerHour": return x * 2.6845195377e6
        case "Joule": return x
        case "KilobritishThermalUnit": return (x * 1055.05585262) * 1e3
        case "Kilocalorie": return (x * 4.184) * 1e3
        case "KiloelectronVolt": return (x * 1.602176565e-19) * 1e3
        case "Kilojoule": return (x) * 1e3
        case "KilowattDay": return (x * 24 * 3600) * 1e3
        case "KilowattHour": return (x * 3600) * 1e3
        case "MegabritishThermalUnit": return (x * 1055.05585262) * 1e6
        case "Megacalorie": return (x * 4.184) * 1e6
        case "MegaelectronVolt": return (x * 1.602176565e-19) * 1e6
        case "Megajoule": return (x) * 1e6
        case "MegawattDay": return (x * 24 * 3600) * 1e6
        case "MegawattHour": return (x * 3600) * 1e6
        case "Millijoule": return (x) * 1e-3
        case "TeraelectronVolt": return (x * 1.602176565e-19) * 1e12
        case "TerawattDay": return (x * 24 * 3600) * 1e12
        case "TerawattHour": return (x * 3600) * 1e12
        case "ThermEc": return x * 1.05505585262e8
        case "ThermImperial": return x * 1.05505585257348e8
        case "ThermUs": return x * 1.054804e8
        case "WattDay": return x * 24 * 3600
        case "WattHour": return x * 3600
        default: return nil
        }
    }

    /// A value of energy in `unit` converted from the base unit (Joule); nil for an unknown unit.
    static func energyFromBase(_ unit: String, _ x: Double) -> Double? {
        switch unit {
        case "BritishThermalUnit": return x / 1055.05585262
        case "Calorie": return x / 4.184
        case "DecathermEc": return (x / 1.05505585262e8) / 1e1
        case "DecathermImperial": return (x / 1.05505585257348e8) / 1e1
        case "DecathermUs": return (x / 1.054804e8) / 1e1
        case "ElectronVolt": return x / 1.602176565e-19
        case "Erg": return x / 1e-7
        case "FootPound": return x / 1.355817948
        case "GigabritishThermalUnit": return (x / 1055.05585262) / 1e9
        case "GigaelectronVolt": return (x / 1.602176565e-19) / 1e9
        case "Gigajoule": return (x) / 1e9
        case "GigawattDay": return (x / (24 * 3600)) / 1e9
        case "GigawattHour": return (x / 3600) / 1e9
        case "HorsepowerHour": return x / 2.6845195377e6
        case "Joule": return x
        case "KilobritishThermalUnit": return (x / 1055.05585262) / 1e3
        case "Kilocalorie": return (x / 4.184) / 1e3
        case "KiloelectronVolt": return (x / 1.602176565e-19) / 1e3
        case "Kilojoule": return (x) / 1e3
        case "KilowattDay": return (x / (24 * 3600)) / 1e3
        case "KilowattHour": return (x / 3600) / 1e3
        case "MegabritishThermalUnit": return (x / 1055.05585262) / 1e6
        case "Megacalorie": return (x / 4.184) / 1e6
        case "MegaelectronVolt": return (x / 1.602176565e-19) / 1e6
        case "Megajoule": return (x) / 1e6
        case "MegawattDay": return (x / (24 * 3600)) / 1e6
        case "MegawattHour": return (x / 3600) / 1e6
        case "Millijoule": return (x) / 1e-3
        case "TeraelectronVolt": return (x / 1.602176565e-19) / 1e12
        case "TerawattDay": return (x / (24 * 3600)) / 1e12
        case "TerawattHour": return (x / 3600) / 1e12
        case "ThermEc": return x / 1.05505585262e8
        case "ThermImperial": return x / 1.05505585257348e8
        case "ThermUs": return x / 1.054804e8
        case "WattDay": return x / (24 * 3600)
        case "WattHour": return x / 3600
        default: return nil
        }
    }

    /// A value of force in `unit` converted to the base unit (Newton); nil for an unknown unit.
    static func forceToBase(_ unit: String, _ x: Double) -> Double? {
        switch unit {
        case "Decanewton": return (x) * 1e1
        case "Dyn": return x / 1e5
        case "KilogramForce": return x * 9.80665002864
        case "Kilonewton": return (x) * 1e3
        case "KiloPond": return x * 9.80665002864
        case "KilopoundForce": return (x * 4.4482216152605095551842641431421) * 1e3
        case "Meganewton": return (x) * 1e6
        case "Micronewton": return (x) * 1e-6
        case "Millinewton": return (x) * 1e-3
        case "Newton": return x
        case "OunceForce": return x * 2.780138509537812e-1
        case "Poundal": return x * 0.13825502798973041652092282466083
        case "PoundForce": return x * 4.4482216152605095551842641431421
        case "ShortTonForce": return x * 8.896443230521e3
        case "TonneForce": return x * 9.80665002864e3
        default: return nil
        }
    }

    /// A value of force in `unit` converted from the base unit (Newton); nil for an unknown unit.
    static func forceFromBase(_ unit: String, _ x: Double) -> Double? {
        switch unit {
        case "Decanewton": return (x) / 1e1
        case "Dyn": return x * 1e5
        case "KilogramForce": return x / 9.80665002864
        case "Kilonewton": return (x) / 1e3
        case "KiloPond": return x / 9.80665002864
        case "KilopoundForce": return (x / 4.4482216152605095551842641431421) / 1e3
        case "Meganewton": return (x) / 1e6
        case "Micronewton": return (x) / 1e-6
        case "Millinewton": return (x) / 1e-3
        case "Newton": return x
        case "OunceForce": return x / 2.780138509537812e-1
        case "Poundal": return x / 0.13825502798973041652092282466083
        case "PoundForce": return x / 4.4482216152605095551842641431421
        case "ShortTonForce": return x / 8.896443230521e3
        case "TonneForce": return x / 9.80665002864e3
        default: return nil
        }
    }

    /// A value of length in `unit` converted to the base unit (Meter); nil for an unknown unit.
    static func lengthToBase(_ unit: String, _ x: Double) -> Double? {
        switch unit {
        case "Angstrom": return x * 1e-10
        case "AstronomicalUnit": return x * 1.4959787070e11
        case "Centimeter": return (x) * 1e-2
        case "Chain": return x * 20.1168
        case "DataMile": return x * 1828.8
        case "Decameter": return (x) * 1e1
        case "Decimeter": return (x) * 1e-1
        case "DtpPica": return x / 236.220472441
        case "DtpPoint": return (x / 72) * 2.54e-2
        case "Fathom": return x * 1.8288
        case "Foot": return x * 0.3048
        case "Hand": return x * 1.016e-1
        case "Hectometer": return (x) * 1e2
        case "Inch": return x * 2.54e-2
        case "KilolightYear": return (x * 9.46073047258e15) * 1e3
        case "Kilometer": return (x) * 1e3
        case "Kiloparsec": return (x * 3.08567758128e16) * 1e3
        case "LightYear": return x * 9.46073047258e15
        case "MegalightYear": return (x * 9.46073047258e15) * 1e6
        case "Megaparsec": return (x * 3.08567758128e16) * 1e6
        case "Meter": return x
        case "Microinch": return x * 2.54e-8
        case "Micrometer": return (x) * 1e-6
        case "Mil": return x * 2.54e-5
        case "Mile": return x * 1609.34
        case "Millimeter": return (x) * 1e-3
        case "Nanometer": return (x) * 1e-9
        case "NauticalMile": return x * 1852
        case "Parsec": return x * 3.08567758128e16
        case "PrinterPica": return x / 237.106301584
        case "PrinterPoint": return (x / 72.27) * 2.54e-2
        case "Shackle": return x * 27.432
        case "SolarRadius": return x * 6.95510000E+08
        case "Twip": return x / 56692.913385826
        case "UsSurveyFoot": return x * 1200 / 3937
        case "Yard": return x * 0.9144
        default: return nil
        }
    }

    /// A value of length in `unit` converted from the base unit (Meter); nil for an unknown unit.
    static func lengthFromBase(_ unit: String, _ x: Double) -> Double? {
        switch unit {
        case "Angstrom": return x / 1e-10
        case "AstronomicalUnit": return x / 1.4959787070e11
        case "Centimeter": return (x) / 1e-2
        case "Chain": return x / 20.1168
        case "DataMile": return x / 1828.8
        case "Decameter": return (x) / 1e1
        case "Decimeter": return (x) / 1e-1
        case "DtpPica": return x * 236.220472441
        case "DtpPoint": return (x / 2.54e-2) * 72
        case "Fathom": return x / 1.8288
        case "Foot": return x / 0.3048
        case "Hand": return x / 1.016e-1
        case "Hectometer": return (x) / 1e2
        case "Inch": return x / 2.54e-2
        case "KilolightYear": return (x / 9.46073047258e15) / 1e3
        case "Kilometer": return (x) / 1e3
        case "Kiloparsec": return (x / 3.08567758128e16) / 1e3
        case "LightYear": return x / 9.46073047258e15
        case "MegalightYear": return (x / 9.46073047258e15) / 1e6
        case "Megaparsec": return (x / 3.08567758128e16) / 1e6
        case "Meter": return x
        case "Microinch": return x / 2.54e-8
        case "Micrometer": return (x) / 1e-6
        case "Mil": return x / 2.54e-5
        case "Mile": return x / 1609.34
        case "Millimeter": return (x) / 1e-3
        case "Nanometer": return (x) / 1e-9
        case "NauticalMile": return x / 1852
        case "Parsec": return x / 3.08567758128e16
        case "PrinterPica": return x * 237.106301584
        case "PrinterPoint": return (x / 2.54e-2) * 72.27
        case "Shackle": return x / 27.432
        case "SolarRadius": return x / 6.95510000E+08
        case "Twip": return x * 56692.913385826
        case "UsSurveyFoot": return x * 3937 / 1200
        case "Yard": return x / 0.9144
        default: return nil
        }
    }

    /// A value of mass in `unit` converted to the base unit (Kilogram); nil for an unknown unit.
    static func massToBase(_ unit: String, _ x: Double) -> Double? {
        switch unit {
        case "Centigram": return (x / 1e3) * 1e-2
        case "Decagram": return (x / 1e3) * 1e1
        case "Decigram": return (x / 1e3) * 1e-1
        case "EarthMass": return x * 5.9722E+24
        case "Grain": return x / 15432.358352941431
        case "Gram": return x / 1e3
        case "Hectogram": return (x / 1e3) * 1e2
        case "Kilogram": return (x / 1e3) * 1e3
        case "Kilopound": return (x * 0.45359237) * 1e3
        case "Kilotonne": return (x * 1e3) * 1e3
        case "LongHundredweight": return x / 0.01968413055222121
        case "LongTon": return x * 1.0160469088e3
        case "Megapound": return (x * 0.45359237) * 1e6
        case "Megatonne": return (x * 1e3) * 1e6
        case "Microgram": return (x / 1e3) * 1e-6
        case "Milligram": return (x / 1e3) * 1e-3
        case "Nanogram": return (x / 1e3) * 1e-9
        case "Ounce": return x / 35.2739619
        case "Pound": return x * 0.45359237
        case "ShortHundredweight": return x / 0.022046226218487758
        case "ShortTon": return x * 9.0718474e2
        case "Slug": return x / 6.852176556196105e-2
        case "SolarMass": return x * 1.98947e30
        case "Stone": return x / 0.1574731728702698
        case "Tonne": return x * 1e3
        default: return nil
        }
    }

    /// A value of mass in `unit` converted from the base unit (Kilogram); nil for an unknown unit.
    static func massFromBase(_ unit: String, _ x: Double) -> Double? {
        switch unit {
        case "Centigram": return (x * 1e3) / 1e-2
        case "Decagram": return (x * 1e3) / 1e1
        case "Decigram": return (x * 1e3) / 1e-1
        case "EarthMass": return x / 5.9722E+24
        case "Grain": return x * 15432.358352941431
        case "Gram": return x * 1e3
        case "Hectogram": return (x * 1e3) / 1e2
        case "Kilogram": return (x * 1e3) / 1e3
        case "Kilopound": return (x / 0.45359237) / 1e3
        case "Kilotonne": return (x / 1e3) / 1e3
        case "LongHundredweight": return x * 0.01968413055222121
        case "LongTon": return x / 1.0160469088e3
        case "Megapound": return (x / 0.45359237) / 1e6
        case "Megatonne": return (x / 1e3) / 1e6
        case "Microgram": return (x * 1e3) / 1e-6
        case "Milligram": return (x * 1e3) / 1e-3
        case "Nanogram": return (x * 1e3) / 1e-9
        case "Ounce": return x * 35.2739619
        case "Pound": return x / 0.45359237
        case "ShortHundredweight": return x * 0.022046226218487758
        case "ShortTon": return x / 9.0718474e2
        case "Slug": return x * 6.852176556196105e-2
        case "SolarMass": return x / 1.98947e30
        case "Stone": return x * 0.1574731728702698
        case "Tonne": return x / 1e3
        default: return nil
        }
    }

    /// A value of speed in `unit` converted to the base unit (MeterPerSecond); nil for an unknown unit.
    static func speedToBase(_ unit: String, _ x: Double) -> Double? {
        switch unit {
        case "CentimeterPerHour": return (x / 3600) * 1e-2
        case "CentimeterPerMinute": return (x / 60) * 1e-2
        case "CentimeterPerSecond": return (x) * 1e-2
        case "DecimeterPerMinute": return (x / 60) * 1e-1
        case "DecimeterPerSecond": return (x) * 1e-1
        case "FootPerHour": return x * 0.3048 / 3600
        case "FootPerMinute": return x * 0.3048 / 60
        case "FootPerSecond": return x * 0.3048
        case "InchPerHour": return (x / 3600) * 2.54e-2
        case "InchPerMinute": return (x / 60) * 2.54e-2
        case "InchPerSecond": return x * 2.54e-2
        case "KilometerPerHour": return (x / 3600) * 1e3
        case "KilometerPerMinute": return (x / 60) * 1e3
        case "KilometerPerSecond": return (x) * 1e3
        case "Knot": return x * 0.514444
        case "MeterPerHour": return x / 3600
        case "MeterPerMinute": return x / 60
        case "MeterPerSecond": return x
        case "MicrometerPerMinute": return (x / 60) * 1e-6
        case "MicrometerPerSecond": return (x) * 1e-6
        case "MilePerHour": return x * 0.44704
        case "MillimeterPerHour": return (x / 3600) * 1e-3
        case "MillimeterPerMinute": return (x / 60) * 1e-3
        case "MillimeterPerSecond": return (x) * 1e-3
        case "NanometerPerMinute": return (x / 60) * 1e-9
        case "NanometerPerSecond": return (x) * 1e-9
        case "UsSurveyFootPerHour": return (x * 1200 / 3937) / 3600
        case "UsSurveyFootPerMinute": return (x * 1200 / 3937) / 60
        case "UsSurveyFootPerSecond": return x * 1200 / 3937
        case "YardPerHour": return x * 0.9144 / 3600
        case "YardPerMinute": return x * 0.9144 / 60
        case "YardPerSecond": return x * 0.9144
        default: return nil
        }
    }

    /// A value of speed in `unit` converted from the base unit (MeterPerSecond); nil for an unknown unit.
    static func speedFromBase(_ unit: String, _ x: Double) -> Double? {
        switch unit {
        case "CentimeterPerHour": return (x * 3600) / 1e-2
        case "CentimeterPerMinute": return (x * 60) / 1e-2
        case "CentimeterPerSecond": return (x) / 1e-2
        case "DecimeterPerMinute": return (x * 60) / 1e-1
        case "DecimeterPerSecond": return (x) / 1e-1
        case "FootPerHour": return x / 0.3048 * 3600
        case "FootPerMinute": return x / 0.3048 * 60
        case "FootPerSecond": return x / 0.3048
        case "InchPerHour": return (x / 2.54e-2) * 3600
        case "InchPerMinute": return (x / 2.54e-2) * 60
        case "InchPerSecond": return x / 2.54e-2
        case "KilometerPerHour": return (x * 3600) / 1e3
        case "KilometerPerMinute": return (x * 60) / 1e3
        case "KilometerPerSecond": return (x) / 1e3
        case "Knot": return x / 0.514444
        case "MeterPerHour": return x * 3600
        case "MeterPerMinute": return x * 60
        case "MeterPerSecond": return x
        case "MicrometerPerMinute": return (x * 60) / 1e-6
        case "MicrometerPerSecond": return (x) / 1e-6
        case "MilePerHour": return x / 0.44704
        case "MillimeterPerHour": return (x * 3600) / 1e-3
        case "MillimeterPerMinute": return (x * 60) / 1e-3
        case "MillimeterPerSecond": return (x) / 1e-3
        case "NanometerPerMinute": return (x * 60) / 1e-9
        case "NanometerPerSecond": return (x) / 1e-9
        case "UsSurveyFootPerHour": return (x * 3937 / 1200) * 3600
        case "UsSurveyFootPerMinute": return (x * 3937 / 1200) * 60
        case "UsSurveyFootPerSecond": return x * 3937 / 1200
        case "YardPerHour": return x / 0.9144 * 3600
        case "YardPerMinute": return x / 0.9144 * 60
        case "YardPerSecond": return x / 0.9144
        default: return nil
        }
    }

    /// A value of temperature in `unit` converted to the base unit (Kelvin); nil for an unknown unit.
    static func temperatureToBase(_ unit: String, _ x: Double) -> Double? {
        switch unit {
        case "DegreeCelsius": return x + 273.15
        case "DegreeDelisle": return x * -2 / 3 + 373.15
        case "DegreeFahrenheit": return x * 5 / 9 + 459.67 * 5 / 9
        case "DegreeNewton": return x * 100 / 33 + 273.15
        case "DegreeRankine": return x * 5 / 9
        case "DegreeReaumur": return x * 5 / 4 + 273.15
        case "DegreeRoemer": return x * 40 / 21 + 273.15 - 7.5 * 40 / 21
        case "Kelvin": return x
        case "MillidegreeCelsius": return x / 1000 + 273.15
        case "SolarTemperature": return x * 5778
        default: return nil
        }
    }

    /// A value of temperature in `unit` converted from the base unit (Kelvin); nil for an unknown unit.
    static func temperatureFromBase(_ unit: String, _ x: Double) -> Double? {
        switch unit {
        case "DegreeCelsius": return x - 273.15
        case "DegreeDelisle": return (x - 373.15) * -3 / 2
        case "DegreeFahrenheit": return (x - 459.67 * 5 / 9) * 9 / 5
        case "DegreeNewton": return (x - 273.15) * 33 / 100
        case "DegreeRankine": return x * 9 / 5
        case "DegreeReaumur": return (x - 273.15) * 4 / 5
        case "DegreeRoemer": return (x - (273.15 - 7.5 * 40 / 21)) * 21 / 40
        case "Kelvin": return x
        case "MillidegreeCelsius": return (x - 273.15) * 1000
        case "SolarTemperature": return x / 5778
        default: return nil
        }
    }

    /// A value of volume in `unit` converted to the base unit (CubicMeter); nil for an unknown unit.
    static func volumeToBase(_ unit: String, _ x: Double) -> Double? {
        switch unit {
        case "AcreFoot": return x / 0.000810714
        case "AuTablespoon": return x * 2e-5
        case "BoardFoot": return x * 2.3597372158e-3
        case "Centiliter": return (x / 1e3) * 1e-2
        case "CubicCentimeter": return x / 1e6
        case "CubicDecimeter": return x / 1e3
        case "CubicFoot": return x * 2.8316846592e-2
        case "CubicHectometer": return x * 1e6
        case "CubicInch": return x * 1.6387 * 1e-5
        case "CubicKilometer": return x * 1e9
        case "CubicMeter": return x
        case "CubicMicrometer": return x / 1e18
        case "CubicMile": return x * 4.16818182544058e9
        case "CubicMillimeter": return x / 1e9
        case "CubicYard": return x * 0.764554858
        case "Decaliter": return (x / 1e3) * 1e1
        case "DecausGallon": return (x * 0.00378541) * 1e1
        case "Deciliter": return (x / 1e3) * 1e-1
        case "DeciusGallon": return (x * 0.00378541) * 1e-1
        case "HectocubicFoot": return (x * 2.8316846592e-2) * 1e2
        case "HectocubicMeter": return (x) * 1e2
        case "Hectoliter": return (x / 1e3) * 1e2
        case "HectousGallon": return (x * 0.00378541) * 1e2
        case "ImperialBeerBarrel": return x * 0.16365924
        case "ImperialGallon": return x * 0.00454609000000181429905810072407
        case "ImperialOunce": return x * 2.8413062499962901241875439064617e-5
        case "ImperialPint": return x * 5.6826125e-4
        case "KilocubicFoot": return (x * 2.8316846592e-2) * 1e3
        case "KilocubicMeter": return (x) * 1e3
        case "KiloimperialGallon": return (x * 0.00454609000000181429905810072407) * 1e3
        case "Kiloliter": return (x / 1e3) * 1e3
        case "KilousGallon": return (x * 0.00378541) * 1e3
        case "Liter": return x / 1e3
        case "MegacubicFoot": return (x * 2.8316846592e-2) * 1e6
        case "MegaimperialGallon": return (x * 0.00454609000000181429905810072407) * 1e6
        case "Megaliter": return (x / 1e3) * 1e6
        case "MegausGallon": return (x * 0.00378541) * 1e6
        case "MetricCup": return x * 0.00025
        case "MetricTeaspoon": return x * 0.5e-5
        case "Microliter": return (x / 1e3) * 1e-6
        case "Milliliter": return (x / 1e3) * 1e-3
        case "OilBarrel": return x * 0.158987294928
        case "UkTablespoon": return x * 1.5e-5
        case "UsBeerBarrel": return x * 0.1173477658
        case "UsCustomaryCup": return x * 0.0002365882365
        case "UsGallon": return x * 0.00378541
        case "UsLegalCup": return x * 0.00024
        case "UsOunce": return x * 2.957352956253760505068307980135e-5
        case "UsPint": return x * 4.73176473e-4
        case "UsQuart": return x * 9.46352946e-4
        case "UsTablespoon": return x * 1.478676478125e-5
        case "UsTeaspoon": return x * 4.92892159375e-6
        default: return nil
        }
    }

    /// A value of volume in `unit` converted from the base unit (CubicMeter); nil for an unknown unit.
    static func volumeFromBase(_ unit: String, _ x: Double) -> Double? {
        switch unit {
        case "AcreFoot": return x * 0.000810714
        case "AuTablespoon": return x / 2e-5
        case "BoardFoot": return x / 2.3597372158e-3
        case "Centiliter": return (x * 1e3) / 1e-2
        case "CubicCentimeter": return x * 1e6
        case "CubicDecimeter": return x * 1e3
        case "CubicFoot": return x / 2.8316846592e-2
        case "CubicHectometer": return x / 1e6
        case "CubicInch": return x / (1.6387 * 1e-5)
        case "CubicKilometer": return x / 1e9
        case "CubicMeter": return x
        case "CubicMicrometer": return x * 1e18
        case "CubicMile": return x / 4.16818182544058e9
        case "CubicMillimeter": return x * 1e9
        case "CubicYard": return x / 0.764554858
        case "Decaliter": return (x * 1e3) / 1e1
        case "DecausGallon": return (x / 0.00378541) / 1e1
        case "Deciliter": return (x * 1e3) / 1e-1
        case "DeciusGallon": return (x / 0.00378541) / 1e-1
        case "HectocubicFoot": return (x / 2.8316846592e-2) / 1e2
        case "HectocubicMeter": return (x) / 1e2
        case "Hectoliter": return (x * 1e3) / 1e2
        case "HectousGallon": return (x / 0.00378541) / 1e2
        case "ImperialBeerBarrel": return x / 0.16365924
        case "ImperialGallon": return x / 0.00454609000000181429905810072407
        case "ImperialOunce": return x / 2.8413062499962901241875439064617e-5
        case "ImperialPint": return x / 5.6826125e-4
        case "KilocubicFoot": return (x / 2.8316846592e-2) / 1e3
        case "KilocubicMeter": return (x) / 1e3
        case "KiloimperialGallon": return (x / 0.00454609000000181429905810072407) / 1e3
        case "Kiloliter": return (x * 1e3) / 1e3
        case "KilousGallon": return (x / 0.00378541) / 1e3
        case "Liter": return x * 1e3
        case "MegacubicFoot": return (x / 2.8316846592e-2) / 1e6
        case "MegaimperialGallon": return (x / 0.00454609000000181429905810072407) / 1e6
        case "Megaliter": return (x * 1e3) / 1e6
        case "MegausGallon": return (x / 0.00378541) / 1e6
        case "MetricCup": return x / 0.00025
        case "MetricTeaspoon": return x / 0.5e-5
        case "Microliter": return (x * 1e3) / 1e-6
        case "Milliliter": return (x * 1e3) / 1e-3
        case "OilBarrel": return x / 0.158987294928
        case "UkTablespoon": return x / 1.5e-5
        case "UsBeerBarrel": return x / 0.1173477658
        case "UsCustomaryCup": return x / 0.0002365882365
        case "UsGallon": return x / 0.00378541
        case "UsLegalCup": return x / 0.00024
        case "UsOunce": return x / 2.957352956253760505068307980135e-5
        case "UsPint": return x / 4.73176473e-4
        case "UsQuart": return x / 9.46352946e-4
        case "UsTablespoon": return x / 1.478676478125e-5
        case "UsTeaspoon": return x / 4.92892159375e-6
        default: return nil
        }
    }
}
