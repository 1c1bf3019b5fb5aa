namespace SalesPerf.Web.Demo;

public sealed record DemoPerson(string Email, string Name, string Culture);
public sealed record DemoTeam(string Name, DemoPerson Manager, IReadOnlyList<DemoPerson> Reps);

/// <summary>The demo company: an admin and three teams of a power-service firm.</summary>
public static class DemoCompany
{
    public static readonly DemoPerson Admin = new("admin@salesperf.local", "系统管理员 Admin", "zh-CN");

    public static readonly IReadOnlyList<DemoTeam> Teams =
    [
        new("华北电网组 North Grid", new("manager.north@salesperf.local", "王建国", "zh-CN"),
        [
            new("rep.zhangwei@salesperf.local", "张伟", "zh-CN"), new("rep.lina@salesperf.local", "李娜", "zh-CN"),
            new("rep.liuyang@salesperf.local", "刘洋", "zh-CN"), new("rep.chenjing@salesperf.local", "陈静", "zh-CN"),
        ]),
        new("华东工业组 East Industrial", new("manager.east@salesperf.local", "Helen Zhao 赵慧", "en"),
        [
            new("rep.yangfan@salesperf.local", "杨帆", "zh-CN"), new("rep.huanglei@salesperf.local", "黄磊", "zh-CN"),
            new("rep.zhoumin@salesperf.local", "周敏", "zh-CN"), new("rep.david@salesperf.local", "David Wu 吴大伟", "en"),
        ]),
        new("新能源组 New Energy", new("manager.energy@salesperf.local", "孙立新", "zh-CN"),
        [
            new("rep.xuqiang@salesperf.local", "徐强", "zh-CN"), new("rep.maxiaoli@salesperf.local", "马晓丽", "zh-CN"),
            new("rep.zhugang@salesperf.local", "朱刚", "zh-CN"), new("rep.hulan@salesperf.local", "胡兰", "zh-CN"),
        ]),
    ];

    public static readonly string[] GridCustomers =
        ["国网河北电力", "国网山西电力", "国网天津城东供电公司", "内蒙古电力集团", "国网北京海淀供电公司", "南方电网广州供电局", "国网山东电力", "国网江苏电力"];

    public static readonly string[] IndustrialCustomers =
        ["宝钢湛江钢铁", "万华化学烟台基地", "海螺水泥芜湖厂", "比亚迪西安工厂", "宁德时代溧阳基地", "中石化镇海炼化", "三一重工长沙产业园", "格力电器珠海总部"];

    public static readonly string[] NewEnergyCustomers =
        ["龙源电力张北风电场", "隆基绿能光伏电站", "金风科技达坂城风场", "阳光电源储能项目", "华能如东海上风电", "三峡新能源格尔木光伏"];

    public static readonly string[] Projects =
        ["配电网改造", "新能源并网接入", "变电站扩容", "储能系统集成", "需量管理与节能改造", "微电网解决方案", "光伏容量分析", "无功补偿改造"];
}
